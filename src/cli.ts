#!/usr/bin/env node
import { Command } from 'commander';
import { commandRegistrations } from './commands/index.js';

// The `billmitra` command. Each subcommand lives in src/commands/<name>.ts and registers itself through
// commands/index.ts, so adding one never touches another.
const program = new Command('billmitra')
  .description('BillMitra: a WhatsApp assistant for kirana shops')
  .showHelpAfterError();

for (const register of commandRegistrations) register(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`billmitra: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
