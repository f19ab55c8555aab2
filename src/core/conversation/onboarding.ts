import type { Intent, Lang, ParsedMessage } from '../parse/types.js';
import type { OnboardingState } from './pending.js';
import { type ReplyText, reply } from './reply.js';
import { findStateCode } from './state-names.js';

// A new number gets three short questions (shop name, language, state) before its shop exists. Each can
// be skipped, and a message that is plainly shop work ("18 maggi") ends onboarding with defaults so the
// shopkeeper is never held up by a form.

export interface OnboardingAnswers {
  /** null: the shop gets the default name for its language. */
  name: string | null;
  language: Lang;
  languageChosen: boolean;
  stateCode: string | null;
}

export type OnboardingOutcome =
  | { kind: 'ask'; state: OnboardingState; reply: ReplyText; lang: Lang }
  | { kind: 'done'; answers: OnboardingAnswers; replay: boolean };

const SKIP = /^(skip|next|later|chhodo|chodo|chhodiye|baad me|baad mein|aage|आगे|छोड़ो|छोड़ें|छोड़िए|बाद में)$/iu;

/** Work a new number might send first; it is handled as soon as the shop exists. */
const SHOP_WORK: ReadonlySet<Intent> = new Set<Intent>([
  'log_sale',
  'log_purchase',
  'set_stock',
  'set_price',
  'ask_stock',
  'ask_report',
  'ask_forecast',
  'ask_price',
]);

/** What a typed shop name parses as: nothing, or a product word ("Maggi Point", "Gupta Kirana"). */
const NAME_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['unknown', 'log_sale', 'log_purchase']);

/** Plain shop work: a question, or an entry with numbers in it ("18 maggi"), never a bare name. */
function isShopWork(text: string, parsed: ParsedMessage): boolean {
  if (!SHOP_WORK.has(parsed.intent) || (parsed.unknownWords?.length ?? 0) > 0) return false;
  return parsed.intent.startsWith('ask_') || /\d/.test(text);
}

const LANGUAGE_CHOICES: readonly Lang[] = ['hi-Latn', 'hi', 'en'];
const MAX_NAME = 60;

export function startOnboarding(written: Lang): OnboardingOutcome {
  return {
    kind: 'ask',
    state: { kind: 'onboarding', step: 'name', written },
    reply: reply('onboarding:ask_name'),
    lang: written,
  };
}

/**
 * The shop's language once onboarding ends: the one picked, else the register of the first message (the
 * later answers, a shop name or "UP", say little about it).
 */
export function onboardingLanguage(state: OnboardingState): Lang | undefined {
  return state.language ?? state.written;
}

export function answerOnboarding(
  state: OnboardingState,
  text: string,
  parsed: ParsedMessage,
): OnboardingOutcome {
  const written = onboardingLanguage(state) ?? parsed.lang;
  const done = (stateCode: string | null, replay: boolean): OnboardingOutcome => ({
    kind: 'done',
    answers: {
      name: state.name ?? null,
      language: written,
      languageChosen: state.language !== undefined,
      stateCode,
    },
    replay,
  });
  if (isShopWork(text, parsed)) return done(null, true);
  // A hello or a call for help mid-way is not an answer: say again what is being asked.
  if (parsed.intent === 'greeting' || parsed.intent === 'help')
    return {
      kind: 'ask',
      state,
      reply: reply(`onboarding:ask_${state.step}`),
      lang: state.language ?? parsed.lang,
    };
  const trimmed = text.trim();
  const skipped = SKIP.test(trimmed);

  if (state.step === 'name') {
    // "undo" or "alerts off" is not a shop's name; ask again rather than name the shop after a command.
    if (!skipped && !NAME_INTENTS.has(parsed.intent))
      return { kind: 'ask', state, reply: reply('onboarding:ask_name'), lang: written };
    const next: OnboardingState = { ...state, step: 'language' };
    if (!skipped && trimmed !== '') next.name = trimmed.slice(0, MAX_NAME);
    return { kind: 'ask', state: next, reply: reply('onboarding:ask_language'), lang: written };
  }
  if (state.step === 'language') {
    const chosen =
      parsed.intent === 'set_language'
        ? parsed.language
        : parsed.intent === 'choose'
          ? LANGUAGE_CHOICES[(parsed.choice ?? 0) - 1]
          : undefined;
    const next: OnboardingState = { ...state, step: 'state' };
    if (chosen) next.language = chosen;
    return { kind: 'ask', state: next, reply: reply('onboarding:ask_state'), lang: chosen ?? written };
  }
  return done(skipped ? null : findStateCode(trimmed), false);
}
