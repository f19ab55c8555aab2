import { type Pool, withTransaction } from '../adapters/postgres/pool.js';
import { createInboundMessagesRepository } from '../adapters/postgres/repositories/inbound-messages.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import type { ConversationResponder } from './ports.js';

export interface HandleInboundDeps {
  pool: Pool;
  queue: JobPublisher;
  respond: ConversationResponder;
  canSendImages: boolean;
  clock?: () => Date;
}

export function outboundJobId(outboundMessageId: number): string {
  return `out-${outboundMessageId}`;
}

/**
 * The inbound job. The conversation's writes, the replies and the "processed" mark commit in one
 * transaction; queueing the replies happens after commit and is repeated by a retry, so a crash anywhere
 * gives exactly one set of ledger rows and one reply per message.
 */
export async function handleInbound(deps: HandleInboundDeps, inboundMessageId: number): Promise<void> {
  const outboundIds = await withTransaction(deps.pool, async (client) => {
    const inbound = createInboundMessagesRepository(client);
    const outbound = createOutboundMessagesRepository(client);
    const message = await inbound.lockForProcessing(inboundMessageId);
    if (!message) return [];
    if (message.status !== 'received') return outbound.queuedIdsForInbound(message.id);

    const outcome = await deps.respond({
      db: client,
      message,
      now: deps.clock?.() ?? new Date(),
      canSendImages: deps.canSendImages,
    });
    const ids: number[] = [];
    for (const [index, reply] of outcome.replies.entries()) {
      ids.push(
        await outbound.enqueue({
          channel: message.channel,
          chatId: reply.chatId ?? message.chatId,
          shopId: outcome.shopId,
          inboundMessageId: message.id,
          kind: reply.kind ?? 'reply',
          body: reply.body,
          imagePng: reply.imagePng ?? null,
          dedupeKey: `reply-${message.id}-${index}`,
        }),
      );
    }
    await inbound.markProcessed(message.id, {
      shopId: outcome.shopId,
      intent: outcome.intent,
      lang: outcome.lang,
    });
    return ids;
  });
  for (const id of outboundIds) {
    await deps.queue.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) });
  }
}
