import type { Translator } from '../../adapters/i18n/translator.js';
import type { Queryable } from '../../adapters/postgres/pool.js';
import { createConversationStateRepository } from '../../adapters/postgres/repositories/conversation-state.js';
import type { InboundMessageRow } from '../../adapters/postgres/repositories/inbound-messages.js';
import { createShop, type ShopRow } from '../../adapters/postgres/repositories/shops.js';
import { answerOnboarding, startOnboarding } from '../../core/conversation/onboarding.js';
import type { OnboardingState } from '../../core/conversation/pending.js';
import type { ReplyText } from '../../core/conversation/reply.js';
import type { Lang } from '../../core/parse.js';
import { parseMessage } from '../../core/parse.js';

// A number that belongs to no shop can do one thing: set up its own shop. It never reaches another
// shop's data, because everything else needs a shop_members row.

const ONBOARDING_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Two messages of a new number that both finish onboarding (two sales sent at once) run in parallel jobs:
 * both see no shop, both create one, and the second to insert the owner row hits the unique phone. Its
 * transaction rolls back (no second shop) and the job runs again shortly, when the number is a member
 * and the message is handled in the shop the first one created. retryAfterMs makes the worker delay the
 * job without spending an attempt or logging a failure.
 */
export class OnboardingRaceError extends Error {
  override name = 'OnboardingRaceError';
  readonly retryable = true;
  readonly retryAfterMs = 50;
}

function numberTakenMeanwhile(error: unknown): boolean {
  const pgError = error as { code?: unknown; constraint?: unknown } | null;
  return pgError?.code === '23505' && pgError.constraint === 'shop_members_phone_key';
}

export type OnboardingStepResult =
  | { kind: 'asked'; lang: Lang; reply: ReplyText; intent: string }
  /** The shop now exists; `replay` means the message itself was shop work to handle next. */
  | { kind: 'created'; shop: ShopRow; welcome: ReplyText; replay: boolean };

export async function onboardingStep(input: {
  db: Queryable;
  translator: Translator;
  message: InboundMessageRow;
  phone: string;
  state: OnboardingState | undefined;
  now: Date;
}): Promise<OnboardingStepResult> {
  const { db, message } = input;
  const parsed = parseMessage(message.body, { now: input.now });
  const outcome = input.state
    ? answerOnboarding(input.state, message.body, parsed)
    : startOnboarding(parsed.lang);
  const states = createConversationStateRepository(db);
  if (outcome.kind === 'ask') {
    await states.set(
      { channel: message.channel, chatId: message.chatId, shopId: null },
      outcome.state,
      new Date(input.now.getTime() + ONBOARDING_TTL_MS),
    );
    return {
      kind: 'asked',
      lang: outcome.lang,
      reply: outcome.reply,
      intent: parsed.intent,
    };
  }
  const { answers } = outcome;
  const shop = await createShop(db, {
    name: answers.name ?? input.translator.t(answers.language, 'onboarding:default_name'),
    ownerPhone: input.phone,
    language: answers.language,
    languageChosen: answers.languageChosen,
    stateCode: answers.stateCode,
  }).catch((error: unknown) => {
    throw numberTakenMeanwhile(error) ? new OnboardingRaceError('the number got its shop meanwhile') : error;
  });
  await states.clear(message.channel, message.chatId);
  return {
    kind: 'created',
    shop,
    welcome: { key: 'onboarding:welcome', params: { shop: shop.name } },
    replay: outcome.replay,
  };
}
