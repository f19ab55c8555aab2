#!/usr/bin/env node
import { Command } from 'commander';
import { commandModules } from './commands/index.js';

// The `billmitra` command. Each subcommand lives in src/commands/<name>.ts and is listed in
// commands/index.ts; only the one being run is loaded (all of them for the top-level help).
async function main(argv: string[]): Promise<void> {
  const program = new Command('billmitra')
    .description('BillMitra: a WhatsApp assistant for kirana shops')
    .showHelpAfterError();
  const requested = argv[2];
  const load = requested ? commandModules[requested] : undefined;
  const modules = load
    ? [await load()]
    : await Promise.all(Object.values(commandModules).map((loader) => loader()));
  for (const module of modules) module.register(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`billmitra: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
