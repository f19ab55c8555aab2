import type { Queryable } from '../adapters/postgres/pool.js';
import {
  createInboundMessagesRepository,
  type RecordedInbound,
} from '../adapters/postgres/repositories/inbound-messages.js';
import type { JobPublisher, PublishOptions, QueuePayloads } from '../adapters/queue/payloads.js';
import { type AcceptResult, type InboundDelivery, inboundJobId, inboundRow } from './accept-inbound.js';
import { SenderRateLimitedError, type SenderRateLimiter } from './ports.js';

// Group commit for accepting deliveries: while one batch is being written, the deliveries arriving meanwhile
// wait and then go together: one rate-limit call admits them all, one statement records them (a multi-row
// INSERT and the replays' lookup, in one round trip on the bare pool), and one job carries the new ones to
// a worker (one bulk queue add). Under light load a batch is one delivery and nothing waits; under heavy
// load one round trip to PostgreSQL and two to Redis serve many messages, and the worker fetches and
// completes one job for them all. Each caller still gets its answer only after its row and its job exist,
// and a batch whose jobs cannot be queued takes its new rows back and fails every caller in it (the
// senders retry). A sender over its limit is refused alone.

export interface InboundGroupCommit {
  /** Admits (rate limit), records and queues the delivery together with concurrent ones. */
  accept(delivery: InboundDelivery): Promise<AcceptResult>;
}

/** Most messages one inbound job carries (a worker's batch is 32 by default). */
export const MAX_MESSAGES_PER_JOB = 32;

interface Waiting {
  delivery: InboundDelivery;
  resolve(result: AcceptResult): void;
  reject(error: unknown): void;
}

interface Admitted extends Waiting {
  /** Set for a sender past its fair share: its message waits behind everyone else's. */
  priority: number | undefined;
}

interface RecordingDeps {
  db: Queryable;
  /** As AcceptInboundDeps.pool: where the batch is recorded (and taken back), one round trip each. */
  pool?: Queryable;
  queue: JobPublisher;
  rateLimiter?: SenderRateLimiter;
  clock?: () => Date;
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
    accept(delivery) {
      return new Promise<AcceptResult>((resolve, reject) => {
        waiting.push({ delivery, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}

async function commitBatch(deps: RecordingDeps, batch: Waiting[]): Promise<void> {
  const admitted = await admit(deps, batch);
  if (admitted.length === 0) return;
  const inbound = createInboundMessagesRepository(deps.pool ?? deps.db);
  const recorded = await inbound.recordMany(admitted.map(({ delivery }) => inboundRow(delivery)));
  try {
    await publishAll(deps.queue, jobsFor(recorded, admitted));
  } catch (error) {
    const fresh = recorded.filter((row) => row.inserted).map((row) => row.id);
    await inbound.forgetUnqueuedMany(fresh).catch(() => {});
    throw error;
  }
  for (const [index, row] of recorded.entries()) {
    admitted[index]?.resolve({ status: row.inserted ? 'accepted' : 'duplicate', inboundMessageId: row.id });
  }
}

/** The batch's senders through the rate limiter in one call; the refused are answered here. */
async function admit(deps: RecordingDeps, batch: Waiting[]): Promise<Admitted[]> {
  const limiter = deps.rateLimiter;
  if (!limiter) return batch.map((entry) => ({ ...entry, priority: undefined }));
  const senders = batch.map(({ delivery }) => `${delivery.channel}:${delivery.chatId}`);
  const now = deps.clock?.() ?? new Date();
  const admissions = await limiter.admitMany(senders, now);
  const admitted: Admitted[] = [];
  for (const [index, entry] of batch.entries()) {
    const admission = admissions[index];
    if (!admission?.allowed) {
      entry.reject(new SenderRateLimitedError('sender is over its message limit'));
      continue;
    }
    admitted.push({ ...entry, priority: admission.priority > 1 ? admission.priority : undefined });
  }
  return admitted;
}

type InboundJob = { payload: QueuePayloads['inbound']; options: PublishOptions };

/**
 * New messages at the top priority go together, up to MAX_MESSAGES_PER_JOB a job, under their first id's
 * job id. A message that sinks in priority has a job of its own (so it waits behind the others), and so
 * has a replay of a message still unprocessed (its own job id dedupes it), which heals a process that died
 * between recording and queueing.
 */
function jobsFor(recorded: readonly RecordedInbound[], admitted: readonly Admitted[]): InboundJob[] {
  const jobs: InboundJob[] = [];
  const together: number[] = [];
  const seen = new Set<number>();
  for (const [index, row] of recorded.entries()) {
    if (seen.has(row.id) || (!row.inserted && row.status !== 'received')) continue;
    seen.add(row.id);
    const priority = row.inserted ? admitted[index]?.priority : undefined;
    if (row.inserted && priority === undefined) together.push(row.id);
    else jobs.push(singleJob(row.id, priority));
  }
  for (let start = 0; start < together.length; start += MAX_MESSAGES_PER_JOB) {
    const [first, ...rest] = together.slice(start, start + MAX_MESSAGES_PER_JOB);
    if (first === undefined) continue;
    jobs.push({
      payload:
        rest.length > 0
          ? { inboundMessageId: first, alsoInboundMessageIds: rest }
          : { inboundMessageId: first },
      options: { jobId: inboundJobId(first) },
    });
  }
  return jobs;
}

function singleJob(id: number, priority: number | undefined): InboundJob {
  return {
    payload: { inboundMessageId: id },
    options: { jobId: inboundJobId(id), ...(priority ? { priority } : {}) },
  };
}

async function publishAll(queue: JobPublisher, jobs: InboundJob[]): Promise<void> {
  if (jobs.length === 0) return;
  if (queue.publishMany) return queue.publishMany('inbound', jobs);
  await Promise.all(jobs.map((job) => queue.publish('inbound', job.payload, job.options)));
}
