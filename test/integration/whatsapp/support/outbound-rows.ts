import { createOutboundMessagesRepository } from '../../../../src/adapters/postgres/repositories/outbound-messages.js';
import { channelQueryable } from '../../../../src/adapters/postgres/tenant-scope.js';
import { outboundJobId } from '../../../../src/app/handle-inbound.js';
import type { Services } from '../../../../src/runtime/services.js';

export interface QueuedReply {
  chatId: string;
  body: string;
  imagePng?: Buffer;
  template?: unknown;
}

/** Puts replies in outbound_messages and on the outbound queue, as the transport does (channel scope). */
export async function queueReplies(
  services: Services,
  channel: string,
  replies: QueuedReply[],
): Promise<number[]> {
  const outbound = createOutboundMessagesRepository(channelQueryable(services.pool));
  const ids: number[] = [];
  for (const [index, reply] of replies.entries()) {
    ids.push(
      await outbound.enqueue({
        channel,
        chatId: reply.chatId,
        body: reply.body,
        imagePng: reply.imagePng ?? null,
        ...(reply.template ? { template: reply.template } : {}),
        dedupeKey: `test-${channel}-${Date.now()}-${index}-${Math.random()}`,
      }),
    );
  }
  await Promise.all(
    ids.map((id) =>
      services.queues.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) }),
    ),
  );
  return ids;
}

/** A recent message from each chat, so Cloud API replies fall inside the 24-hour window. */
export async function openServiceWindows(
  services: Services,
  channel: string,
  chatIds: string[],
): Promise<void> {
  await channelQueryable(services.pool).query(
    `INSERT INTO inbound_messages (channel, chat_id, message_id, body, status)
     SELECT $1, chat, 'window-' || chat, 'hi', 'processed' FROM unnest($2::text[]) AS chat
     ON CONFLICT DO NOTHING`,
    [channel, chatIds],
  );
}

/** The largest number of timestamps found in any window of `windowMs` (sliding, starting at each one). */
export function maxInAnyWindow(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let most = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && sorted[end]! < sorted[start]! + windowMs) end++;
    most = Math.max(most, end - start);
  }
  return most;
}
