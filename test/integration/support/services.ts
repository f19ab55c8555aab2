import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../../src/adapters/postgres/embedded.js';
import { migrate } from '../../../src/adapters/postgres/migrate.js';
import { createPool, type Pool } from '../../../src/adapters/postgres/pool.js';
import { withSystemTransaction } from '../../../src/adapters/postgres/tenant-scope.js';

// Integration tests run against the real servers CI starts (PostgreSQL, Redis) and against PGlite.
// Each test file gets its own database and each test its own queue prefix, so files run in parallel.

export const TEST_POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type DatabaseKind = 'postgres' | 'pglite';

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

async function createServerDatabase(): Promise<TestDatabase> {
  const name = uniqueName('bm_test');
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = createPool({ connectionString: url.toString(), max: 10 });
  await migrate(pool);
  return {
    kind: 'postgres',
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * PGlite is one session shared by every connection: once the application's pool switches it to the
 * application role, the test's own queries run as that role too. They are a fixture and an inspector that
 * see every shop (like the superuser on a PostgreSQL server), so each runs in a system-scope transaction.
 */
function seeingEveryShop(pool: Pool): Pool {
  const query = (...args: unknown[]) =>
    withSystemTransaction(pool, 'test fixture', (client) =>
      (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args),
    );
  return Object.assign(pool, { query }) as Pool;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const embedded = await startEmbeddedPostgres();
  const pool = seeingEveryShop(createPool({ connectionString: embedded.url, max: 4 }));
  await migrate(pool);
  return {
    kind: 'pglite',
    url: embedded.url,
    pool,
    async drop() {
      await pool.end();
      await embedded.stop();
    },
  };
}

export function createTestDatabase(kind: DatabaseKind = 'postgres'): Promise<TestDatabase> {
  return kind === 'postgres' ? createServerDatabase() : createPgliteDatabase();
}

export function testQueuePrefix(): string {
  return uniqueName('bmtest');
}
