import type { ChartRenderer } from '../adapters/charts/chart-renderer.js';
import type { Pool } from '../adapters/postgres/pool.js';
import { createChatActivityRepository } from '../adapters/postgres/repositories/chat-activity.js';
import {
  createOutboundMessagesRepository,
  type OutboundMessageRow,
} from '../adapters/postgres/repositories/outbound-messages.js';
import { withChannelTransaction } from '../adapters/postgres/tenant-scope.js';
import { paceDelayMs, type RecipientPace } from '../core/messaging/recipient-pace.js';
import {
  insideServiceWindow,
  SERVICE_WINDOW_MS,
  type TemplateChoice,
  templateLanguageFor,
  templateParameter,
} from '../core/messaging/service-window.js';
import { logger } from '../log.js';
import { imageToSend } from './outbound-chart.js';
import { type ChannelSender, PermanentSendError, RateLimitedSendError } from './ports.js';

/** Channels with a customer-service window (Cloud API) send outside it only as approved templates. */
export interface ServiceWindowPolicy {
  windowMs?: number;
  /** Used for messages queued without a template of their own; its one body parameter is the text. */
  defaultTemplate?: { name: string; language: string } | null;
}

export interface SendOutboundDeps {
  pool: Pool;
  sender: ChannelSender;
  onSent?(channel: string): void;
  onFailed?(channel: string, permanent: boolean): void;
  /** Spacing WhatsApp enforces per recipient; a message that would break it waits (job delayed). */
  recipientPace?: RecipientPace;
  serviceWindow?: ServiceWindowPolicy;
  /** Draws a message's chart (a report's) when it is sent. Default: on the calling thread. */
  charts?: ChartRenderer;
}

/**
 * The outbound job: sends this message and any earlier queued ones of the same chat, in order. A message
 * already sent (by a concurrent or earlier attempt) is skipped, so a retried job never sends twice what
 * was recorded as sent. A permanent failure is recorded and the chat moves on; a transient one keeps what
 * was sent and throws so the queue retries with backoff. A rate-limit answer or the recipient's pace
 * throws RateLimitedSendError before anything of that message left, so the later retry sends it once.
 */
export async function sendOutbound(deps: SendOutboundDeps, outboundMessageId: number): Promise<void> {
  let transientError: Error | undefined;
  await withChannelTransaction(deps.pool, async (client) => {
    const outbound = createOutboundMessagesRepository(client);
    const activity = createChatActivityRepository(client);
    // Finding the message and locking its chat's queue is one statement; nothing locked means an earlier
    // job of the chat sent it already (or it belongs to another channel's sender).
    const pending = await outbound.lockQueuedUpTo(outboundMessageId, deps.sender.channel);
    let windowOpen: boolean | undefined;
    for (const message of pending) {
      if (deps.recipientPace) {
        const ages = await activity.recentSendAgesMs(
          message.channel,
          message.chatId,
          deps.recipientPace.burst,
        );
        const waitMs = paceDelayMs(ages, deps.recipientPace);
        if (waitMs > 0) {
          transientError = new RateLimitedSendError(
            'recipient pace: waiting before the next message',
            waitMs,
          );
          break;
        }
      }
      try {
        if (deps.serviceWindow && windowOpen === undefined) {
          const age = await activity.lastInboundAgeMs(message.channel, message.chatId);
          windowOpen = insideServiceWindow(age, deps.serviceWindow.windowMs ?? SERVICE_WINDOW_MS);
        }
        const template = deps.serviceWindow && !windowOpen ? templateFor(message, deps.serviceWindow) : null;
        const image =
          deps.sender.canSendImages && !template
            ? await imageToSend(message, deps.charts)
            : { png: null, drawn: false };
        const receipt = await deps.sender.send({
          chatId: message.chatId,
          body: message.body,
          imagePng: image.png,
          template,
        });
        await outbound.markSent(message.id, receipt.providerMessageId, image.drawn ? image.png : null);
        if (deps.recipientPace) await activity.stampSentNow(message.id);
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

function templateFor(message: OutboundMessageRow, policy: ServiceWindowPolicy): TemplateChoice {
  const own = message.template as TemplateChoice | null;
  if (own?.name) return own;
  if (!policy.defaultTemplate) {
    throw new PermanentSendError('chat is outside the 24-hour window and no template is configured');
  }
  return {
    name: policy.defaultTemplate.name,
    language: templateLanguageFor(message.body, policy.defaultTemplate.language),
    parameters: [templateParameter(message.body)],
  };
}
