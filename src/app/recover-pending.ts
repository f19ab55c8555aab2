import type { Queryable } from '../adapters/postgres/pool.js';
import { createDashboardDataRepository } from '../adapters/postgres/repositories/dashboard-data.js';
import { createInboundMessagesRepository } from '../adapters/postgres/repositories/inbound-messages.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import { inboundJobId } from './accept-inbound.js';
import { csvImportJobId } from './dashboard/run-csv-import.js';
import { outboundJobId } from './handle-inbound.js';

export interface RecoverPendingDeps {
  db: Queryable;
  queue: JobPublisher;
  /** Reads every shop's dashboard imports (a system-scope Queryable); without it imports are not swept. */
  imports?: Queryable;
  /**
   * Inbound jobs waiting for a worker. While there are any, unprocessed messages are most likely in them
   * (a job carries a whole accepted batch under its first message's id, so a re-queued later message is
   * not deduped against it and would be handled twice as a no-op, adding work to a backlog); they are
   * swept once the queue has drained. Without it they are swept every time.
   */
  inboundBacklog?(): Promise<number>;
}

export interface RecoverPendingOptions {
  olderThanSeconds: number;
  limit?: number;
  /** A running import whose progress has not moved for this long is queued again. */
  stalledImportSeconds?: number;
}

/**
 * Re-queues work that PostgreSQL says is unfinished: inbound messages not yet processed, replies not
 * yet sent, and dashboard imports left running with no progress for minutes. Job ids dedupe against jobs
 * that are still waiting, and each job checks the row's status, so running this often (and from several
 * processes) is safe. It closes the gap left by a process that died between a commit and the queue write,
 * or a Redis that lost jobs. (A job whose worker died while running it comes back by BullMQ's own stall
 * check, under the same job id.)
 */
export async function recoverPending(
  deps: RecoverPendingDeps,
  options: RecoverPendingOptions = { olderThanSeconds: 30 },
): Promise<{ inbound: number; outbound: number; imports: number }> {
  const limit = options.limit ?? 500;
  const backlog = (await deps.inboundBacklog?.()) ?? 0;
  const inboundIds =
    backlog > 0
      ? []
      : await createInboundMessagesRepository(deps.db).listUnprocessed(options.olderThanSeconds, limit);
  for (const id of inboundIds) {
    await deps.queue.publish('inbound', { inboundMessageId: id }, { jobId: inboundJobId(id) });
  }
  const outboundIds = await createOutboundMessagesRepository(deps.db).listStaleQueued(
    options.olderThanSeconds,
    limit,
  );
  for (const id of outboundIds) {
    await deps.queue.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) });
  }
  const imports = deps.imports
    ? await createDashboardDataRepository(deps.imports).listStalledRunning(
        options.stalledImportSeconds ?? 300,
        limit,
      )
    : [];
  for (const { id, shopId } of imports) {
    await deps.queue.publish('imports', { shopId, importId: id }, { jobId: csvImportJobId(id) });
  }
  return { inbound: inboundIds.length, outbound: outboundIds.length, imports: imports.length };
}
