import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../../src/adapters/postgres/migrate.js';
import { createPool, type Pool, withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { shopPhone } from './message-mix.js';

// Every run gets its own database on the local server, dropped afterwards, so runs never see each other's
// rows and the shared server keeps nothing. Shops are created the way onboarding creates them.

export const ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  name: string;
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>, adminUrl = ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string, adminUrl = ADMIN_URL): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface BenchDatabaseOptions {
  shops: number;
  /** Copy this (seeded) database instead of migrating and seeding. */
  template?: string;
  /** A superuser URL of the server to create it on; default the local server. */
  adminUrl?: string;
}

export async function createBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const adminUrl = options.adminUrl ?? ADMIN_URL;
  const name = `bm_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin(
    (client) =>
      client.query(
        options.template ? `CREATE DATABASE ${name} TEMPLATE ${options.template}` : `CREATE DATABASE ${name}`,
      ),
    adminUrl,
  );
  const url = databaseUrl(name, adminUrl);
  const pool = createPool({ connectionString: url, max: 4, applicationName: 'bench' });
  if (!options.template) {
    await migrate(pool);
    await seedShops(pool, options.shops);
    // As a database in service has been: the copies start with the seeded rows' hint bits and visibility
    // map set and with planner statistics for them (the first reads of 169,000 fresh product rows would
    // otherwise dirty their pages inside the measured seconds). Nothing else would gather the statistics
    // where autovacuum is off, as on the development machine's PostgreSQL (conf.d/90-ci.conf).
    await pool.query('VACUUM ANALYZE');
  }
  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end().catch(() => {});
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), adminUrl);
    },
  };
}

/** Creates shops 0..count-1 with the default catalog, four at a time. */
export async function seedShops(pool: Pool, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      await withTransaction(pool, (client) =>
        createShop(client, {
          name: `Bench Kirana ${index}`,
          ownerPhone: shopPhone(index),
          language: (['en', 'hi', 'hi-Latn'] as const)[index % 3] ?? 'en',
          languageChosen: false,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** Closes the pool so the database can serve as a template for the next run's copy. */
export async function releaseForTemplate(database: BenchDatabase): Promise<void> {
  await database.pool.end().catch(() => {});
}

export async function dropDatabase(name: string, adminUrl = ADMIN_URL): Promise<void> {
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), adminUrl);
}

/** Whether the server vacuums and analyzes on its own, as a production server does. */
export async function serverAutovacuums(adminUrl = ADMIN_URL): Promise<boolean> {
  return admin(
    async (client) =>
      (await client.query<{ on: boolean }>(`SELECT current_setting('autovacuum') = 'on' AS on`)).rows[0]
        ?.on === true,
    adminUrl,
  );
}
