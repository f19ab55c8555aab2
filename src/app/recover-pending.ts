import type { Queryable } from '../adapters/postgres/pool.js';
import { createInboundMessagesRepository } from '../adapters/postgres/repositories/inbound-messages.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import { inboundJobId } from './accept-inbound.js';
import { outboundJobId } from './handle-inbound.js';

export interface RecoverPendingDeps {
  db: Queryable;
  queue: JobPublisher;
}

/**
 * Re-queues work that PostgreSQL says is unfinished: inbound messages not yet processed and replies not
 * yet sent. Job ids dedupe against jobs that are still waiting, and each job checks the row's status, so
 * running this often (and from several processes) is safe. It closes the gap left by a process that died
 * between a commit and the queue write, or a Redis that lost jobs.
 */
export async function recoverPending(
  deps: RecoverPendingDeps,
  options: { olderThanSeconds: number; limit?: number } = { olderThanSeconds: 30 },
): Promise<{ inbound: number; outbound: number }> {
  const limit = options.limit ?? 500;
  const inboundIds = await createInboundMessagesRepository(deps.db).listUnprocessed(
    options.olderThanSeconds,
    limit,
  );
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
  return { inbound: inboundIds.length, outbound: outboundIds.length };
}
