import pg from 'pg';

// int8 (bigserial ids, paise) and numeric come back from pg as strings by default. Our ids and paise fit in
// a double (2^53 paise is ₹90 trillion), so parse them as numbers once, here, for every pool.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
// Calendar days stay 'YYYY-MM-DD' strings: turning them into Date would shift them by the server's zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
export type Pool = pg.Pool;

export interface PoolOptions {
  connectionString: string;
  max?: number;
  applicationName?: string;
  /**
   * The role every connection switches to before its first query (SET ROLE): a non-superuser without
   * BYPASSRLS, so the row-level security policies apply. Undefined only for migrations and test fixtures.
   */
  role?: string;
}

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'billmitra',
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(options.role ? { onConnect: (client: pg.ClientBase) => switchRole(client, options.role!) } : {}),
  });
  // An idle client losing its server (restart, failover) must not crash the process; the next query
  // gets a fresh connection and the job that needed it is retried by the queue.
  pool.on('error', () => {});
  return pool;
}

// Fails the connection (the pool hands out no client) if the role is missing or would bypass the policies.
// Named statements keep one generic plan per connection: with the default plan cache mode PostgreSQL
// planned the hot ones (a reply's completion, a sale's ledger write: unnest arrays, row-level security)
// afresh at every Bind, about 0.6 ms of its CPU per message; their plans do not depend on the values.
async function switchRole(client: pg.ClientBase, role: string): Promise<void> {
  const results = (await client.query(
    `SET ROLE ${pg.escapeIdentifier(role)}; SET plan_cache_mode = force_generic_plan;
     SELECT rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`,
  )) as unknown as pg.QueryResult<{ bypasses: boolean }>[];
  if (results[2]?.rows[0]?.bypasses !== false) {
    throw new Error(`database role ${role} bypasses row-level security; use a role that does not`);
  }
}

/**
 * Runs work in one transaction. `begin` is the statement that opens it: tenant-scope.ts passes BEGIN plus
 * the transaction's shop or scope, and may add the transaction's first reads, all sent as one round trip;
 * `work` gets the result of each statement of it, in order.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient, opened: pg.QueryResult[]) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  // A checked-out client whose server goes away (restart, failover) emits 'error'; unheard, that event
  // would crash the process. The transaction's query fails anyway, and the client is discarded.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    const opened = (await client.query(begin)) as pg.QueryResult | pg.QueryResult[];
    const result = await work(client, Array.isArray(opened) ? opened : [opened]);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken ??= rollbackError;
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
