import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { packagePath } from '../../package-path.js';
import { createPool } from './pool.js';

// Numbered SQL files applied in order, each in its own transaction, under an advisory lock so several
// processes starting at once apply each migration exactly once.
const MIGRATIONS_LOCK_ID = 7_245_001;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export function migrationsDirectory(): string {
  return packagePath('src', 'adapters', 'postgres', 'migrations');
}

export async function listMigrations(directory = migrationsDirectory()): Promise<string[]> {
  const files = await readdir(directory);
  return files.filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file)).sort();
}

/**
 * Applies the pending migrations as the connecting user (the schema owner). Give it a pool created without
 * `role`: the application role may not even exist before migration 060.
 */
export async function migrate(pool: pg.Pool, directory = migrationsDirectory()): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    // An embedded PGlite is one session shared by every connection: an application pool may already have
    // switched it to the application role.
    await client.query('RESET ROLE');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_ID]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const done = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map(
        (row) => row.name,
      ),
    );
    const applied: string[] = [];
    for (const file of await listMigrations(directory)) {
      if (done.has(file)) continue;
      const sql = await readFile(join(directory, file), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK_ID]).catch(() => {});
    client.release();
  }
}

/** Migrates through a connection of its own, closed afterwards, so no pool keeps the owner's session. */
export async function migrateDatabase(connectionString: string): Promise<MigrationResult> {
  const pool = createPool({ connectionString, max: 1, applicationName: 'billmitra-migrate' });
  try {
    return await migrate(pool);
  } finally {
    await pool.end();
  }
}
