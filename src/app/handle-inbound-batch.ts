import { enterConversationOfInbound } from '../adapters/postgres/repositories/conversation-entry.js';
import {
  type CompletedInbound,
  createInboundCompletionRepository,
} from '../adapters/postgres/repositories/inbound-completion.js';
import {
  type LockedInbound,
  lockBatchForProcessingStatement,
} from '../adapters/postgres/repositories/inbound-messages.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import { withChannelTransactionOpenedBy } from '../adapters/postgres/tenant-scope.js';
import { completedInbound, type HandleInboundDeps, publishQueuedReplies } from './handle-inbound.js';
import { type InboundPhaseTimes, inboundPhases, timedQueryable } from './inbound-phases.js';

// Several inbound jobs in one transaction (group commit): one round trip locks them all, each message then
// enters its sender's shop and runs its conversation as in handleInbound, and one statement writes every
// reply and processed mark before one COMMIT. Per message that saves BEGIN, the lock, the completion and
// COMMIT's round trips and flush. A failure anywhere rolls the whole batch back; the caller then handles
// its messages one by one, so one bad message costs the others only a second try.

export async function handleInboundBatch(deps: HandleInboundDeps, ids: readonly number[]): Promise<void> {
  const timing = inboundPhases.hasSubscribers;
  const startedWall = Date.now();
  const started = performance.now();
  const now = deps.clock?.() ?? new Date();
  const timings: Array<Pick<InboundPhaseTimes, 'queueWaitMs' | 'conversationDbMs' | 'conversationCpuMs'>> =
    [];
  let lockMs = 0;
  let respondedAt = 0;
  let delivered = 0;
  const opening = [lockBatchForProcessingStatement(ids)];
  const outboundIds = await withChannelTransactionOpenedBy(deps.pool, opening, async (client, [locked]) => {
    lockMs = performance.now() - started;
    const messages = inShopOrder((locked?.rows ?? []) as LockedInbound[]);
    const outbound = createOutboundMessagesRepository(client);
    const queued: number[] = [];
    const completed: CompletedInbound[] = [];
    for (const message of messages) {
      // A message done by an earlier try: only its unsent replies are queued again (before any shop is
      // entered, while every chat's rows are visible).
      if (message.status !== 'received') {
        queued.push(...(await outbound.queuedIdsForInbound(message.id)));
        continue;
      }
      const began = performance.now();
      const timed = timing ? timedQueryable(client) : undefined;
      const entered = await enterConversationOfInbound(client, message, now);
      const outcome = await deps.respond({
        db: timed?.db ?? client,
        message,
        now,
        canSendImages: deps.canSendImages,
        entry: entered,
      });
      completed.push(completedInbound(message, outcome));
      if (timed) {
        const dbMs = timed.elapsedMs();
        timings.push({
          queueWaitMs: Math.max(0, startedWall - message.receivedAt.getTime()),
          conversationDbMs: dbMs,
          conversationCpuMs: Math.max(0, performance.now() - began - dbMs),
        });
      }
    }
    respondedAt = performance.now();
    if (completed.length === 0) return queued;
    const replies = await createInboundCompletionRepository(client).completeMany(
      completed,
      deps.deliverOnRecord,
    );
    delivered = replies.filter((reply) => !reply.queued).length;
    return [...queued, ...replies.filter((reply) => reply.queued).map((reply) => reply.id)];
  });
  if (delivered > 0) deps.deliverOnRecord?.onDelivered?.(delivered);
  const committed = performance.now();
  await publishQueuedReplies(deps.queue, outboundIds);
  if (timing) {
    const shared = {
      lockMs,
      writeAndCommitMs: committed - respondedAt,
      publishMs: performance.now() - committed,
    };
    for (const timing of timings) inboundPhases.publish({ ...timing, ...shared });
  }
}

/**
 * Messages already done first (their lookups need the transport's scope), then shop by shop in shop id
 * order, each shop's in id order (a chat's order), and numbers of no shop last.
 */
function inShopOrder(messages: LockedInbound[]): LockedInbound[] {
  const rank = (message: LockedInbound) =>
    message.status !== 'received' ? -1 : (message.memberShopId ?? Number.MAX_SAFE_INTEGER);
  return [...messages].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
