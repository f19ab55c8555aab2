import type { Command } from 'commander';

export type CommandRegistration = (program: Command) => void;

// One line per subcommand; each file owns its options and help text.
export const commandRegistrations: CommandRegistration[] = [];
