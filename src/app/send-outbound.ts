import { type Pool, withTransaction } from '../adapters/postgres/pool.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import { logger } from '../log.js';
import { type ChannelSender, PermanentSendError } from './ports.js';

export interface SendOutboundDeps {
  pool: Pool;
  sender: ChannelSender;
  onSent?(channel: string): void;
  onFailed?(channel: string, permanent: boolean): void;
}

/**
 * The outbound job: sends this message and any earlier queued ones of the same chat, in order. A message
 * already sent (by a concurrent or earlier attempt) is skipped, so a retried job never sends twice what
 * was recorded as sent. A permanent failure is recorded and the chat moves on; a transient one keeps what
 * was sent and throws so the queue retries with backoff.
 */
export async function sendOutbound(deps: SendOutboundDeps, outboundMessageId: number): Promise<void> {
  const target = await createOutboundMessagesRepository(deps.pool).find(outboundMessageId);
  if (!target || target.status !== 'queued' || target.channel !== deps.sender.channel) return;

  let transientError: Error | undefined;
  await withTransaction(deps.pool, async (client) => {
    const outbound = createOutboundMessagesRepository(client);
    const pending = await outbound.lockQueuedForChat(target.channel, target.chatId, target.id);
    for (const message of pending) {
      try {
        const receipt = await deps.sender.send({
          chatId: message.chatId,
          body: message.body,
          imagePng: deps.sender.canSendImages ? message.imagePng : null,
          template: (message.template as never) ?? null,
        });
        await outbound.markSent(message.id, receipt.providerMessageId);
        deps.onSent?.(message.channel);
      } catch (error) {
        const permanent = error instanceof PermanentSendError;
        deps.onFailed?.(message.channel, permanent);
        await outbound.recordAttemptFailure(message.id, (error as Error).message, permanent);
        if (permanent) {
          logger.error({ outboundMessageId: message.id, err: error }, 'message could not be delivered');
          continue;
        }
        transientError = error as Error;
        break;
      }
    }
  });
  if (transientError) throw transientError;
}
