import type { Queryable } from '../adapters/postgres/pool.js';
import {
  createInboundMessagesRepository,
  type NewInboundMessage,
} from '../adapters/postgres/repositories/inbound-messages.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import type { InboundGroupCommit } from './inbound-group-commit.js';
import { SenderRateLimitedError, type SenderRateLimiter } from './ports.js';

export interface InboundDelivery {
  channel: string;
  chatId: string;
  participant?: string;
  messageId: string;
  senderPhone?: string | null;
  senderLid?: string | null;
  text: string;
}

export interface AcceptInboundDeps {
  db: Queryable;
  /**
   * The bare pool, where deliveries are recorded and taken back (else `db`): those statements set the
   * channel scope themselves (migration 084), so each is one round trip there instead of a transaction's
   * three on channelQueryable.
   */
  pool?: Queryable;
  queue: JobPublisher;
  rateLimiter?: SenderRateLimiter;
  clock?: () => Date;
  /**
   * Admits, records and queues together with concurrent deliveries (inbound-group-commit.ts), with the
   * group commit's own rate limiter; same answers.
   */
  groupCommit?: InboundGroupCommit;
}

export type AcceptResult = { status: 'accepted' | 'duplicate'; inboundMessageId: number };

/** The row a delivery is stored as. */
export function inboundRow(delivery: InboundDelivery): NewInboundMessage {
  return {
    channel: delivery.channel,
    chatId: delivery.chatId,
    participant: delivery.participant ?? '',
    messageId: delivery.messageId,
    senderPhone: delivery.senderPhone ?? null,
    senderLid: delivery.senderLid ?? null,
    body: delivery.text,
  };
}

export function inboundJobId(inboundMessageId: number): string {
  return `in-${inboundMessageId}`;
}

/**
 * Records a delivery and queues it, or neither: if the queue cannot take the job the row is removed and
 * the error propagates (HTTP answers 503 and the sender retries), so nothing is half-accepted.
 */
export async function acceptInbound(
  deps: AcceptInboundDeps,
  delivery: InboundDelivery,
): Promise<AcceptResult> {
  // A group commit admits its whole batch in one call to the rate limiter.
  if (deps.groupCommit) return deps.groupCommit.accept(delivery);
  const admission = deps.rateLimiter
    ? await deps.rateLimiter.admit(`${delivery.channel}:${delivery.chatId}`, deps.clock?.() ?? new Date())
    : { allowed: true, priority: 1 };
  if (!admission.allowed) throw new SenderRateLimitedError('sender is over its message limit');
  const priority = admission.priority > 1 ? admission.priority : undefined;
  const inbound = createInboundMessagesRepository(deps.pool ?? deps.db);
  const [recorded] = await inbound.recordMany([inboundRow(delivery)]);
  if (!recorded) throw new Error('a recorded delivery went unanswered');
  if (!recorded.inserted) {
    // A replay of a message we still have not processed re-queues it (the job id dedupes), which heals
    // a process that died between recording and queueing.
    if (recorded.status === 'received') {
      await deps.queue.publish(
        'inbound',
        { inboundMessageId: recorded.id },
        { jobId: inboundJobId(recorded.id) },
      );
    }
    return { status: 'duplicate', inboundMessageId: recorded.id };
  }
  try {
    await deps.queue.publish(
      'inbound',
      { inboundMessageId: recorded.id },
      { jobId: inboundJobId(recorded.id), ...(priority ? { priority } : {}) },
    );
  } catch (error) {
    await inbound.forgetUnqueuedMany([recorded.id]).catch(() => {});
    throw error;
  }
  return { status: 'accepted', inboundMessageId: recorded.id };
}
