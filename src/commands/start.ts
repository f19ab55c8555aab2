import { type Command, InvalidArgumentError } from 'commander';
import { startBillMitra } from '../main.js';
import { ALL_ROLES, type Role } from '../runtime/processors.js';
import { stopOnSignals } from '../runtime/signals.js';
import { loadConfigOrExit } from './config-loading.js';
import { seedDemoShopHook } from './demo-hook.js';

export function parseRoles(value: string): Set<Role> {
  if (value === 'all') return new Set(ALL_ROLES);
  const roles = value.split(',').map((role) => role.trim());
  for (const role of roles) {
    if (!ALL_ROLES.includes(role as Role)) {
      throw new InvalidArgumentError(`unknown role "${role}" (use web, worker, whatsapp or all)`);
    }
  }
  return new Set(roles as Role[]);
}

export function register(program: Command): void {
  program
    .command('start')
    .description('Run BillMitra: HTTP (web), queue workers (worker) and the WhatsApp connection (whatsapp)')
    .option(
      '--role <roles>',
      'which roles this process runs: all, or a comma list of web, worker, whatsapp',
      parseRoles,
    )
    .option('--demo', 'create the demo shop (owner +919999900000) with a simulated year of sales first')
    .option('--port <port>', 'HTTP port (overrides PORT)')
    .addHelpText(
      'after',
      '\nWith no DATABASE_URL an embedded PostgreSQL (PGlite) and with no REDIS_URL a private redis-server\n' +
        'are started, with data under DATA_DIR (.data). Roles split across processes need real servers.',
    )
    .action(async (options: { role?: Set<Role>; demo?: boolean; port?: string }) => {
      const config = loadConfigOrExit(options.port ? { PORT: options.port } : {});
      const roles = options.role ?? new Set(ALL_ROLES);
      if (roles.size < ALL_ROLES.length && (!config.DATABASE_URL || !config.REDIS_URL)) {
        throw new Error('running only some roles needs DATABASE_URL and REDIS_URL shared by all processes');
      }
      const running = await startBillMitra({ config, roles });
      stopOnSignals(running.stop, { forceAfterMs: config.SHUTDOWN_GRACE_MS });
      if (options.demo) await seedDemoShopHook(running.services);
    });
}
