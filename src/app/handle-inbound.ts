import type { Pool } from '../adapters/postgres/pool.js';
import {
  conversationEntryFrom,
  enterConversationOfInboundStatement,
} from '../adapters/postgres/repositories/conversation-entry.js';
import {
  type CompletedInbound,
  createInboundCompletionRepository,
} from '../adapters/postgres/repositories/inbound-completion.js';
import {
  type InboundMessageRow,
  lockForProcessingStatement,
} from '../adapters/postgres/repositories/inbound-messages.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import { withChannelTransactionOpenedBy } from '../adapters/postgres/tenant-scope.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import { type InboundPhaseTimes, inboundPhases, timedQueryable } from './inbound-phases.js';
import type { ConversationOutcome, ConversationResponder } from './ports.js';

export interface HandleInboundDeps {
  pool: Pool;
  queue: JobPublisher;
  respond: ConversationResponder;
  canSendImages: boolean;
  /**
   * Set when the channel's sending is the record itself (the simulator): replies are written as sent in
   * the job's own transaction, and no outbound job is queued for them.
   */
  deliverOnRecord?: { providerIdPrefix: string; onDelivered?(count: number): void };
  clock?: () => Date;
}

export function outboundJobId(outboundMessageId: number): string {
  return `out-${outboundMessageId}`;
}

/** What the completion statement writes for a message the conversation answered. */
export function completedInbound(message: InboundMessageRow, outcome: ConversationOutcome): CompletedInbound {
  return {
    inboundMessageId: message.id,
    outcome: { shopId: outcome.shopId, intent: outcome.intent, lang: outcome.lang },
    replies: outcome.replies.map((reply, index) => ({
      channel: message.channel,
      chatId: reply.chatId ?? message.chatId,
      kind: reply.kind ?? 'reply',
      body: reply.body,
      chart: reply.chart ? JSON.stringify(reply.chart) : null,
      // Makes a retried job's reply the same row: written once, sent once.
      dedupeKey: `reply-${message.id}-${index}`,
    })),
  };
}

/** Queues the replies a committed job left to send (its channel sends from the outbound queue). */
export async function publishQueuedReplies(
  queue: JobPublisher,
  outboundIds: readonly number[],
): Promise<void> {
  await Promise.all(
    outboundIds.map((id) =>
      queue.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) }),
    ),
  );
}

/**
 * The inbound job. The conversation's writes, the replies and the "processed" mark commit in one
 * transaction; queueing the replies happens after commit and is repeated by a retry, so a crash anywhere
 * gives exactly one set of ledger rows and one reply per message. Locking the message and entering its
 * sender's shop go with BEGIN, in one round trip.
 */
export async function handleInbound(deps: HandleInboundDeps, inboundMessageId: number): Promise<void> {
  const timing = inboundPhases.hasSubscribers;
  const startedWall = Date.now();
  const started = performance.now();
  const phases: Partial<InboundPhaseTimes> = {};
  let respondedAt: number | undefined;
  // The row is locked before its shop is known: the transaction starts in the transport's scope, and
  // narrows to the sender's shop in the statement after the lock (app_enter_conversation).
  let delivered = 0;
  const now = deps.clock?.() ?? new Date();
  const opening = [
    lockForProcessingStatement(inboundMessageId),
    enterConversationOfInboundStatement(inboundMessageId, now),
  ];
  const outboundIds = await withChannelTransactionOpenedBy(deps.pool, opening, async (client, opened) => {
    const outbound = createOutboundMessagesRepository(client);
    const [locked, entered] = opened;
    const message = locked?.rows[0] as InboundMessageRow | undefined;
    if (!message) return [];
    if (message.status !== 'received') return outbound.queuedIdsForInbound(message.id);

    const lockedAt = performance.now();
    if (timing) {
      phases.queueWaitMs = Math.max(0, startedWall - message.receivedAt.getTime());
      phases.lockMs = lockedAt - started;
    }
    const timed = timing ? timedQueryable(client) : undefined;
    const outcome = await deps.respond({
      db: timed?.db ?? client,
      message,
      now,
      canSendImages: deps.canSendImages,
      entry: conversationEntryFrom(entered?.rows ?? [], message.senderPhone ?? message.chatId),
    });
    if (timed) {
      phases.conversationDbMs = timed.elapsedMs();
      phases.conversationCpuMs = Math.max(0, performance.now() - lockedAt - timed.elapsedMs());
    }
    respondedAt = performance.now();
    const replies = await createInboundCompletionRepository(client).completeMany(
      [completedInbound(message, outcome)],
      deps.deliverOnRecord,
    );
    delivered = replies.filter((reply) => !reply.queued).length;
    return replies.filter((reply) => reply.queued).map((reply) => reply.id);
  });
  if (delivered > 0) deps.deliverOnRecord?.onDelivered?.(delivered);
  const committed = performance.now();
  await publishQueuedReplies(deps.queue, outboundIds);
  if (timing && respondedAt !== undefined) {
    phases.writeAndCommitMs = committed - respondedAt;
    phases.publishMs = performance.now() - committed;
    inboundPhases.publish(phases);
  }
}
