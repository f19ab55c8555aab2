import type { Translator } from '../../adapters/i18n/translator.js';
import { enterConversation } from '../../adapters/postgres/repositories/conversation-entry.js';
import { createConversationStateRepository } from '../../adapters/postgres/repositories/conversation-state.js';
import type { ShopRow } from '../../adapters/postgres/repositories/shops.js';
import { mayUse, replyLanguage } from '../../core/conversation/access.js';
import { localDate } from '../../core/language/days.js';
import { type Lang, parseMessage } from '../../core/parse.js';
import type { ConversationResponder, ReplyDraft } from '../ports.js';
import { answerPending } from './answer-pending.js';
import { dispatch } from './handlers/index.js';
import { onboardingStep } from './onboarding-flow.js';
import { renderReply } from './render.js';
import { createShopMatcherCache } from './shop-matcher.js';
import type { ConversationContext, HandlerResult, ShopMember } from './types.js';

// The conversation engine behind the inbound job: who is writing (owner, staff or a new number), what the
// message means for their shop, and the replies. It runs inside the job's transaction, so a crash at any
// point leaves no half-written entry and a retry starts clean.

/** How long a question waits for its answer before a reply is read as a new message. */
const PENDING_TTL_MS = 6 * 60 * 60 * 1000;

export interface ConversationEngineDeps {
  translator: Translator;
}

export function createConversationEngine(deps: ConversationEngineDeps): ConversationResponder {
  const matchers = createShopMatcherCache();

  return async ({ db, message, now, canSendImages, entry: entered }) => {
    const phone = message.senderPhone ?? message.chatId;
    const states = createConversationStateRepository(db);
    const entry =
      entered ??
      (await enterConversation(db, { phone, channel: message.channel, chatId: message.chatId, now }));
    const { membership, state } = entry;

    let shop: ShopRow | undefined;
    let member: ShopMember;
    const prefix: ReplyDraft[] = [];
    if (membership) {
      shop = entry.shop;
      member = { phone, role: membership.role };
    } else {
      const step = await onboardingStep({
        db,
        translator: deps.translator,
        message,
        phone,
        state: state?.kind === 'onboarding' ? state : undefined,
        now,
      });
      if (step.kind === 'asked') {
        return {
          shopId: null,
          intent: step.intent,
          lang: step.lang,
          replies: [{ body: renderReply(deps.translator, step.lang, step.reply) }],
        };
      }
      shop = step.shop;
      member = { phone, role: 'owner' };
      prefix.push({ body: renderReply(deps.translator, shop.language, step.welcome) });
      if (!step.replay)
        return { shopId: shop.id, intent: 'onboarding', lang: shop.language, replies: prefix };
    }
    if (!shop) throw new Error('membership without a shop');

    const ctx = await contextFor({ db, shop, member, message, now, canSendImages }, deps, matchers);
    const pending = membership && state && state.kind !== 'onboarding' ? state : undefined;
    const result =
      (pending ? await answerPending(ctx, pending) : undefined) ??
      (mayUse(member.role, ctx.parsed.intent)
        ? await dispatch(ctx)
        : { replies: [{ key: 'conversation:owner_only' }] });

    if (result.pending) {
      await states.set(
        { channel: message.channel, chatId: message.chatId, shopId: shop.id },
        result.pending,
        new Date(now.getTime() + PENDING_TTL_MS),
      );
    } else if (state) {
      await states.clear(message.channel, message.chatId);
    }
    return {
      shopId: shop.id,
      intent: ctx.parsed.intent,
      lang: result.lang ?? ctx.lang,
      replies: [...prefix, ...render(deps.translator, result, result.lang ?? ctx.lang)],
    };
  };
}

async function contextFor(
  base: Pick<ConversationContext, 'db' | 'shop' | 'member' | 'message' | 'now' | 'canSendImages'>,
  deps: ConversationEngineDeps,
  matchers: ReturnType<typeof createShopMatcherCache>,
): Promise<ConversationContext> {
  const matcher = await matchers.get(base.db, base.shop);
  const parsed = parseMessage(base.message.body, { now: base.now, timeZone: base.shop.timeZone, matcher });
  return {
    ...base,
    parsed,
    lang: replyLanguage(base.shop, parsed.lang),
    today: localDate(base.now, base.shop.timeZone),
    translator: deps.translator,
    matcher,
  };
}

function render(translator: Translator, result: HandlerResult, lang: Lang): ReplyDraft[] {
  return result.replies.map((item) => {
    const draft: ReplyDraft = { body: renderReply(translator, lang, item) };
    if (item.chart) draft.chart = item.chart;
    if (item.chatId) draft.chatId = item.chatId;
    if (item.kind) draft.kind = item.kind;
    return draft;
  });
}
