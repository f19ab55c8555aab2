import type { Command } from 'commander';
import { register as registerChat } from './chat.js';
import { register as registerFestivals } from './festivals.js';
import { register as registerForecast } from './forecast.js';
import { register as registerImport } from './import.js';
import { register as registerMigrate } from './migrate.js';
import { register as registerParse } from './parse.js';
import { register as registerPriceEval } from './price-eval.js';
import { register as registerSimulate } from './simulate.js';
import { register as registerStart } from './start.js';

export type CommandRegistration = (program: Command) => void;

// One line per subcommand; each file owns its options and help text.
export const commandRegistrations: CommandRegistration[] = [
  registerStart,
  registerChat,
  registerMigrate,
  registerFestivals,
  registerPriceEval,
  registerForecast,
  registerSimulate,
  registerParse,
  registerImport,
];
