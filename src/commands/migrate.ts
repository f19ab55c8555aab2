import { join } from 'node:path';
import type { Command } from 'commander';
import { startEmbeddedPostgres } from '../adapters/postgres/embedded.js';
import { migrate } from '../adapters/postgres/migrate.js';
import { createPool } from '../adapters/postgres/pool.js';
import { loadConfigOrExit } from './config-loading.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Apply the numbered SQL migrations to DATABASE_URL (or the embedded database) and exit')
    .action(async () => {
      const config = loadConfigOrExit();
      const embedded = config.DATABASE_URL
        ? undefined
        : await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pglite') });
      const pool = createPool({ connectionString: config.DATABASE_URL ?? embedded!.url, max: 2 });
      try {
        const result = await migrate(pool);
        process.stdout.write(
          result.applied.length > 0
            ? `applied: ${result.applied.join(', ')}\n`
            : `up to date (${result.alreadyApplied} migrations)\n`,
        );
      } finally {
        await pool.end();
        await embedded?.stop();
      }
    });
}
