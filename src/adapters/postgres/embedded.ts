import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquireDirectoryLock, type DirectoryLock } from './directory-lock.js';
import { startEmbeddedSocketServer } from './embedded-socket-server.js';

// With no DATABASE_URL, PostgreSQL is PGlite (PostgreSQL compiled to WASM) in this process, served on a
// loopback port through pglite-socket so the ordinary `pg` code path is the only one we have.

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory for the database files; undefined keeps everything in memory (tests). */
  dataDir?: string;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  let lock: DirectoryLock | undefined;
  let db: PGlite;
  if (options.dataDir) {
    const directory = resolve(options.dataDir);
    await mkdir(directory, { recursive: true });
    // PGlite has no protection against two processes opening one data directory; that corrupts it.
    lock = await acquireDirectoryLock(directory, 'embedded PostgreSQL (PGlite)');
    db = await PGlite.create(join(directory, 'pgdata'));
  } else {
    db = await PGlite.create();
  }
  const server = await startEmbeddedSocketServer(db);
  return {
    url: `postgres://postgres@${server.address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      await lock?.release();
    },
  };
}
