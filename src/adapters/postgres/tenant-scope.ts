import type pg from 'pg';
import { type Queryable, withTransaction } from './pool.js';

// Which rows a transaction may touch (migrations 060 and 061): one shop's, every shop's ('system'), or
// every chat's messages and nothing else ('channel', the WhatsApp transport). The setting is
// transaction-local (set_config with is_local = true), so a pooled connection carries nothing into the
// next transaction; a query run with no scope sees no rows of any shop or message table (fail closed).
// Each scope is sent with BEGIN in one round trip.

function shopLiteral(shopId: number): string {
  // Interpolated into the BEGIN statement (simple protocol, no parameters): only a plain id may pass.
  if (!Number.isSafeInteger(shopId) || shopId <= 0) throw new Error(`not a shop id: ${shopId}`);
  return `'${shopId}'`;
}

const beginForShop = (shopId: number) =>
  `BEGIN; SELECT set_config('app.shop_id', ${shopLiteral(shopId)}, true)`;
const BEGIN_SYSTEM = `BEGIN; SELECT set_config('app.scope', 'system', true)`;
const BEGIN_CHANNEL = `BEGIN; SELECT set_config('app.scope', 'channel', true)`;

/** One transaction that sees and writes only this shop's rows. */
export function withShopTransaction<T>(
  pool: pg.Pool,
  shopId: number,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, work, beginForShop(shopId));
}

/**
 * One transaction across every shop. Each caller is listed in SECURITY.md with its reason; `reason` is
 * there so a search for withSystemTransaction reads as that list.
 */
export function withSystemTransaction<T>(
  pool: pg.Pool,
  reason: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (reason.trim() === '') throw new Error('a system transaction needs a reason');
  return withTransaction(pool, work, BEGIN_SYSTEM);
}

/**
 * One transaction of the WhatsApp transport: it sees every chat's inbound_messages, outbound_messages and
 * conversation_state rows (it accepts, locks, sends and recovers messages before their shop is known) and
 * no shop table row. Entering a shop later in the transaction (app_enter_shop_of_member, or
 * app_enter_conversation for an inbound message) narrows the message tables to that shop's rows and the
 * unattributed ones. Callers are listed in SECURITY.md.
 */
export function withChannelTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return withTransaction(pool, work, BEGIN_CHANNEL);
}

/**
 * As withChannelTransaction, with the transaction's first statements sent together with BEGIN (one round
 * trip for all of them); `work` gets their results in order. They go by the simple protocol, without
 * parameters, so each must be built from values the caller has checked (the repositories' *Statement
 * functions).
 */
export function withChannelTransactionOpenedBy<T>(
  pool: pg.Pool,
  firstStatements: readonly string[],
  work: (client: pg.PoolClient, results: pg.QueryResult[]) => Promise<T>,
): Promise<T> {
  const begin = [BEGIN_CHANNEL, ...firstStatements].join('; ');
  // BEGIN_CHANNEL is two statements (BEGIN, set_config): theirs are not the caller's.
  return withTransaction(pool, (client, results) => work(client, results.slice(2)), begin);
}

function eachQueryIn(run: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>): Queryable {
  const query = (...args: unknown[]) =>
    run((client) => (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args));
  return { query } as unknown as Queryable;
}

/** A Queryable for code that takes one (repositories): each query is its own transaction for the shop. */
export function shopQueryable(pool: pg.Pool, shopId: number): Queryable {
  return eachQueryIn((work) => withShopTransaction(pool, shopId, work));
}

/** As shopQueryable, across every shop; listed in SECURITY.md like withSystemTransaction. */
export function systemQueryable(pool: pg.Pool, reason: string): Queryable {
  return eachQueryIn((work) => withSystemTransaction(pool, reason, work));
}

/** As withChannelTransaction, one transaction per query: for transport code that takes a Queryable. */
export function channelQueryable(pool: pg.Pool): Queryable {
  return eachQueryIn((work) => withChannelTransaction(pool, work));
}
