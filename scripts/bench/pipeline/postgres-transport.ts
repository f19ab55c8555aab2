import { existsSync } from 'node:fs';
import { ADMIN_URL } from './bench-database.js';

// How the app processes reach the local PostgreSQL in a run. On one host its Unix socket does the work of
// loopback TCP without the TCP stack: alternated 1,000 msg/s runs on the 2-core development machine
// answered 619-637/s over the socket against 598-628/s over TCP (README, ninth session). A server
// elsewhere is only reachable over TCP, hence the choice.

export type PostgresTransportChoice = 'auto' | 'socket' | 'tcp';

export interface PostgresTransport {
  adminUrl: string;
  /** What the run header prints. */
  description: string;
}

/** Debian's and most distributions' socket directory. */
export const SOCKET_DIRECTORY = '/var/run/postgresql';

export function parseTransportChoice(value: string): PostgresTransportChoice {
  if (value === 'auto' || value === 'socket' || value === 'tcp') return value;
  throw new Error(`--postgres must be auto, socket or tcp, not "${value}"`);
}

/** BENCH_POSTGRES_ADMIN_URL, where set, is used as it is, whatever the choice. */
export function postgresTransport(
  choice: PostgresTransportChoice,
  options: { adminUrlFromEnv?: string | undefined; socketDirectory?: string } = {},
): PostgresTransport {
  const fromEnv =
    'adminUrlFromEnv' in options ? options.adminUrlFromEnv : process.env.BENCH_POSTGRES_ADMIN_URL;
  if (fromEnv) return { adminUrl: fromEnv, description: 'PostgreSQL at BENCH_POSTGRES_ADMIN_URL' };
  const directory = options.socketDirectory ?? SOCKET_DIRECTORY;
  // The socket file is named after the port the TCP URL names.
  const tcp = new URL(ADMIN_URL);
  const socketFile = `${directory}/.s.PGSQL.${tcp.port || '5432'}`;
  const socketThere = existsSync(socketFile);
  if (choice === 'socket' && !socketThere) {
    throw new Error(`--postgres socket: no PostgreSQL socket at ${socketFile}; use --postgres tcp`);
  }
  if (choice === 'tcp' || !socketThere) {
    return { adminUrl: ADMIN_URL, description: `PostgreSQL over loopback TCP (${tcp.host})` };
  }
  tcp.searchParams.set('host', directory);
  return {
    adminUrl: tcp.toString(),
    description: `PostgreSQL over its Unix socket in ${directory} (--postgres tcp for loopback TCP)`,
  };
}
