import type { Queryable } from '../../../src/adapters/postgres/pool.js';

// The closing line of every fault: messages sent, sales recorded, replies sent, which must agree, and the
// per-message checks behind them (nothing lost, nothing doubled, no partial sale).

export interface LedgerTotals {
  sent: number;
  accepted: number;
  /** Sale messages with exactly one committed sale entry. */
  salesRecorded: number;
  /** Replies marked sent for the run's messages. */
  repliesSent: number;
  /** Messages with more than one sale entry or more than one reply. */
  doubled: number;
  /** Sale entries whose line count differs from the message's (a partial sale). */
  partial: number;
  /** Stock moved by the run compared with the quantities the messages sold. */
  stockDelta: number;
  expectedStockDelta: number;
}

export async function ledgerTotals(
  db: Queryable,
  run: { idPrefix: string; sent: number; accepted: number; unitsPerMessage: number; linesPerMessage: number },
): Promise<LedgerTotals> {
  const { rows } = await db.query<{
    recorded: number;
    replies: number;
    doubled: number;
    partial: number;
    stock: number;
  }>(
    `WITH run AS (SELECT id FROM inbound_messages WHERE message_id LIKE $1),
     entries AS (SELECT l.inbound_message_id AS mid, l.id AS eid FROM ledger_entries l JOIN run ON run.id = l.inbound_message_id
                 WHERE l.kind = 'sale' AND l.undone_at IS NULL),
     per AS (SELECT run.id,
               (SELECT count(*) FROM entries WHERE entries.mid = run.id) AS entries,
               (SELECT count(*) FROM outbound_messages o WHERE o.inbound_message_id = run.id AND o.status = 'sent') AS replies
             FROM run)
     SELECT
       (SELECT count(*)::int FROM per WHERE entries = 1) AS recorded,
       (SELECT coalesce(sum(replies), 0)::int FROM per) AS replies,
       (SELECT count(*)::int FROM per WHERE entries > 1 OR replies > 1) AS doubled,
       (SELECT count(*)::int FROM entries e WHERE (SELECT count(*) FROM sales s WHERE s.entry_id = e.eid) <> $2) AS partial,
       (SELECT coalesce(-sum(m.delta), 0)::float8 FROM stock_movements m JOIN entries e ON e.eid = m.entry_id) AS stock`,
    [`${run.idPrefix}-%`, run.linesPerMessage],
  );
  const row = rows[0];
  if (!row) throw new Error('no totals');
  return {
    sent: run.sent,
    accepted: run.accepted,
    salesRecorded: row.recorded,
    repliesSent: row.replies,
    doubled: row.doubled,
    partial: row.partial,
    stockDelta: row.stock,
    expectedStockDelta: row.recorded * run.unitsPerMessage,
  };
}

/** Every accepted message recorded once and answered once, nothing partial, stock moved exactly once. */
export function totalsAgree(totals: LedgerTotals): boolean {
  return (
    totals.accepted > 0 &&
    totals.salesRecorded === totals.accepted &&
    totals.repliesSent === totals.accepted &&
    totals.doubled === 0 &&
    totals.partial === 0 &&
    totals.stockDelta === totals.expectedStockDelta
  );
}

export function describeTotals(totals: LedgerTotals): string {
  return (
    `messages sent ${totals.sent}, accepted ${totals.accepted}, sales recorded ${totals.salesRecorded}, ` +
    `replies sent ${totals.repliesSent}, doubled ${totals.doubled}, partial ${totals.partial}, ` +
    `stock moved ${totals.stockDelta}/${totals.expectedStockDelta}`
  );
}
