import type { Language, Translator } from '../adapters/i18n/translator.js';
import { createOutboundMessagesRepository } from '../adapters/postgres/repositories/outbound-messages.js';
import { createShopMembersRepository } from '../adapters/postgres/repositories/shop-members.js';
import { tokenise } from '../core/language/tokenise.js';
import { detectLang } from '../core/parse/lang.js';
import { logger, pseudonym } from '../log.js';
import {
  type AcceptInboundDeps,
  type AcceptResult,
  acceptInbound,
  type InboundDelivery,
} from './accept-inbound.js';
import { outboundJobId } from './handle-inbound.js';
import { SenderRateLimitedError } from './ports.js';

export type InboundOutcome = AcceptResult['status'] | 'rate_limited';

/**
 * The longest message text we record (WhatsApp's own cap for a text sent through the Cloud API); the
 * simulator refuses longer ones with 400, the WhatsApp channels keep the first part, since they cannot
 * answer an error and no shop message is this long.
 */
export const MAX_INBOUND_TEXT_CHARS = 4_096;

function capped(text: string): string {
  if (text.length <= MAX_INBOUND_TEXT_CHARS) return text;
  // Never end on half of a surrogate pair (an emoji cut in two).
  return text.slice(0, MAX_INBOUND_TEXT_CHARS).replace(/[\uD800-\uDBFF]$/, '');
}

export interface FloodAwareDeps extends AcceptInboundDeps {
  /** Renders the "slow down" notice; without it a refused message is dropped silently (still counted). */
  translator?: Translator;
}

/**
 * For channels that must not push back (the Cloud API retries anything but a 200, Baileys never
 * redelivers): a sender past its hard limit has the message dropped and hears one "slow down" per window
 * in its own language. Other senders in the same batch go on being accepted at normal priority.
 */
export async function acceptUnlessFlooding(
  deps: FloodAwareDeps,
  received: InboundDelivery,
): Promise<InboundOutcome> {
  const delivery = { ...received, text: capped(received.text) };
  try {
    return (await acceptInbound(deps, delivery)).status;
  } catch (error) {
    if (!(error instanceof SenderRateLimitedError)) throw error;
    // The drop stands even if the notice cannot go out; a notice is a courtesy, not a delivery.
    await sendSlowDownOnce(deps, delivery).catch((noticeError: unknown) =>
      logger.warn({ err: noticeError, chat: pseudonym(delivery.chatId) }, 'slow-down notice not sent'),
    );
    return 'rate_limited';
  }
}

async function sendSlowDownOnce(deps: FloodAwareDeps, delivery: InboundDelivery): Promise<void> {
  const limiter = deps.rateLimiter;
  if (!deps.translator || !limiter?.claimSlowDownNotice) return;
  const now = deps.clock?.() ?? new Date();
  if (!(await limiter.claimSlowDownNotice(`${delivery.channel}:${delivery.chatId}`, now))) return;
  const language = await senderLanguage(deps, delivery);
  const id = await createOutboundMessagesRepository(deps.db).enqueue({
    channel: delivery.channel,
    chatId: delivery.chatId,
    kind: 'notice',
    body: deps.translator.t(language, 'common:slow_down'),
    dedupeKey: `slow-down-${delivery.channel}-${pseudonym(delivery.chatId)}-${now.getTime()}`,
  });
  await deps.queue.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) });
}

/**
 * The language the sender's shop chose, else the register the message was written in. The transport works
 * in the 'channel' scope, which sees no shop: the one cross-shop read it needs is this database function.
 */
async function senderLanguage(deps: FloodAwareDeps, delivery: InboundDelivery): Promise<Language> {
  const chosen = delivery.senderPhone
    ? await createShopMembersRepository(deps.db).chosenLanguageOf(delivery.senderPhone)
    : undefined;
  return chosen ?? detectLang(delivery.text, tokenise(delivery.text));
}
