import { channel } from 'node:diagnostics_channel';
import type { Queryable } from '../adapters/postgres/pool.js';

// Where an inbound message's time goes, published on a diagnostics channel: the job's deps are built far
// from the metrics registry, and a channel nobody listens to costs one boolean check per job.

export const INBOUND_PHASES_CHANNEL = 'billmitra.inbound.phases';
export const inboundPhases = channel(INBOUND_PHASES_CHANNEL);

export interface InboundPhaseTimes {
  /** From the row's received_at to the job taking it: BullMQ wait plus pickup. */
  queueWaitMs: number;
  /** Taking a connection, BEGIN and locking the inbound row. */
  lockMs: number;
  /** The conversation's queries (ledger writes, lookups) inside the transaction. */
  conversationDbMs: number;
  /** The conversation's own work between queries: parsing, matching, rendering the replies. */
  conversationCpuMs: number;
  /** Writing the reply rows and the processed mark, then COMMIT. */
  writeAndCommitMs: number;
  /** Queueing the replies after commit. */
  publishMs: number;
}

export type InboundPhase = keyof InboundPhaseTimes;

/** A Queryable that adds up how long its queries took, for splitting database time from the rest. */
export function timedQueryable(db: Queryable): { db: Queryable; elapsedMs: () => number } {
  let elapsed = 0;
  const query = (...args: unknown[]) => {
    const started = performance.now();
    const result = (db.query as (...a: unknown[]) => unknown).apply(db, args);
    if (result instanceof Promise) {
      return result.finally(() => {
        elapsed += performance.now() - started;
      });
    }
    elapsed += performance.now() - started;
    return result;
  };
  return { db: { query } as unknown as Queryable, elapsedMs: () => elapsed };
}
