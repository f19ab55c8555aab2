import type { Command } from 'commander';

export type CommandModule = { register(program: Command): void };

// One line per subcommand; each file owns its options and help text. Modules load lazily: `billmitra
// parse` should not pay for TensorFlow, ECharts and Baileys, which other commands pull in.
export const commandModules: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./start.js'),
  chat: () => import('./chat.js'),
  migrate: () => import('./migrate.js'),
  parse: () => import('./parse.js'),
  festivals: () => import('./festivals.js'),
  forecast: () => import('./forecast.js'),
  simulate: () => import('./simulate.js'),
  import: () => import('./import.js'),
  'price-eval': () => import('./price-eval.js'),
};
