import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from '../../../src/adapters/postgres/migrate.js';
import { createPool } from '../../../src/adapters/postgres/pool.js';
import { TEST_POSTGRES_ADMIN_URL, uniqueName } from '../support/services.js';

describe('migrations', () => {
  const name = uniqueName('bm_migrate');
  let url: string;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(TEST_POSTGRES_ADMIN_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('applies every migration exactly once when three processes start at once', async () => {
    const pools = [0, 1, 2].map(() => createPool({ connectionString: url, max: 2 }));
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool)));
      const all = await listMigrations();
      expect(results.flatMap((result) => result.applied).sort()).toEqual(all);
      const again = await migrate(pools[0]!);
      expect(again.applied).toEqual([]);
      const recorded = await pools[0]!.query('SELECT name FROM schema_migrations ORDER BY name');
      expect(recorded.rows.map((row) => row.name)).toEqual(all);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('keeps one inbound row per (channel, chat, participant, message id)', async () => {
    const pool = createPool({ connectionString: url, max: 1 });
    try {
      const insert = `INSERT INTO inbound_messages (channel, chat_id, message_id, body) VALUES ('cloud', 'c1', 'm1', 'x')`;
      await pool.query(insert);
      await expect(pool.query(insert)).rejects.toThrow(/duplicate key/);
    } finally {
      await pool.end();
    }
  });
});
