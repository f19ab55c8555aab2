import type { Queryable } from '../adapters/postgres/pool.js';
import { createInboundMessagesRepository } from '../adapters/postgres/repositories/inbound-messages.js';
import type { JobPublisher, PublishOptions, QueuePayloads } from '../adapters/queue/payloads.js';
import { type AcceptResult, type InboundDelivery, inboundJobId, inboundRow } from './accept-inbound.js';

// Group commit for accepting deliveries: while one batch is being written, the deliveries arriving meanwhile
// wait and then go together, as one statement (one multi-row INSERT and the replays' lookup, in one round
// trip on the bare pool) and one bulk queue add. Under light load a batch is one delivery and nothing
// waits; under heavy load a round trip to PostgreSQL and one to Redis serve many messages. Each caller
// still gets its answer only after its row and its job exist, and a batch whose jobs cannot be queued
// takes its new rows back and fails every caller in it (the senders retry).

export interface InboundGroupCommit {
  accept(delivery: InboundDelivery, priority?: number): Promise<AcceptResult>;
}

interface Waiting {
  delivery: InboundDelivery;
  priority: number | undefined;
  resolve(result: AcceptResult): void;
  reject(error: unknown): void;
}

interface RecordingDeps {
  db: Queryable;
  /** As AcceptInboundDeps.pool: where the batch is recorded (and taken back), one round trip each. */
  pool?: Queryable;
  queue: JobPublisher;
}

export function createInboundGroupCommit(
  deps: RecordingDeps & {
    /** Most deliveries written in one statement. */
    maxBatch?: number;
  },
): InboundGroupCommit {
  const maxBatch = deps.maxBatch ?? 200;
  const waiting: Waiting[] = [];
  let writing = false;

  const drain = async () => {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.splice(0, maxBatch);
        await commitBatch(deps, batch).catch((error: unknown) => {
          for (const entry of batch) entry.reject(error);
        });
      }
    } finally {
      writing = false;
    }
  };

  return {
    accept(delivery, priority) {
      return new Promise<AcceptResult>((resolve, reject) => {
        waiting.push({ delivery, priority, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}

async function commitBatch(deps: RecordingDeps, batch: Waiting[]): Promise<void> {
  const inbound = createInboundMessagesRepository(deps.pool ?? deps.db);
  const recorded = await inbound.recordMany(batch.map(({ delivery }) => inboundRow(delivery)));

  // New rows are queued; a replay of a message still unprocessed is queued again (the job id dedupes),
  // which heals a process that died between recording and queueing.
  const jobs = new Map<number, { payload: QueuePayloads['inbound']; options: PublishOptions }>();
  for (const [index, row] of recorded.entries()) {
    if (jobs.has(row.id) || (!row.inserted && row.status !== 'received')) continue;
    const priority = row.inserted ? batch[index]?.priority : undefined;
    jobs.set(row.id, {
      payload: { inboundMessageId: row.id },
      options: { jobId: inboundJobId(row.id), ...(priority && priority > 1 ? { priority } : {}) },
    });
  }
  try {
    await publishAll(deps.queue, [...jobs.values()]);
  } catch (error) {
    const fresh = recorded.filter((row) => row.inserted).map((row) => row.id);
    await inbound.forgetUnqueuedMany(fresh).catch(() => {});
    throw error;
  }
  for (const [index, row] of recorded.entries()) {
    batch[index]?.resolve({ status: row.inserted ? 'accepted' : 'duplicate', inboundMessageId: row.id });
  }
}

async function publishAll(
  queue: JobPublisher,
  jobs: Array<{ payload: QueuePayloads['inbound']; options: PublishOptions }>,
): Promise<void> {
  if (jobs.length === 0) return;
  if (queue.publishMany) return queue.publishMany('inbound', jobs);
  await Promise.all(jobs.map((job) => queue.publish('inbound', job.payload, job.options)));
}
