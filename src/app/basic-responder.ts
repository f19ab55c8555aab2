import type { Language, Translator } from '../adapters/i18n/translator.js';
import type { ConversationResponder } from './ports.js';

// The responder used until a full conversation engine is configured: it answers greetings and help in
// the sender's register and says it did not understand anything else. It records nothing in the ledger.

const GREETINGS = /^(hi+|hello|hey|namaste|namaskar|hii+|ram ram|jai shri krishna|नमस्ते|नमस्कार|राम राम)\b/iu;
const HELP = /^(help|madad|sahayata|मदद|सहायता|\?)$/iu;
const HINGLISH_MARKERS =
  /\b(aaj|kal|kitna|kitni|bikri|hai|hain|ka|ki|ke|kya|mangau|rakhun|namaste|madad|bhai|ji)\b/iu;

export function guessLanguage(text: string): Language {
  if (/[\u0900-\u097F]/u.test(text)) return 'hi';
  return HINGLISH_MARKERS.test(text) ? 'hi-Latn' : 'en';
}

export function createBasicResponder(deps: { translator: Translator }): ConversationResponder {
  return async ({ message }) => {
    const text = message.body.trim();
    const lang = guessLanguage(text);
    const intent = GREETINGS.test(text) ? 'greeting' : HELP.test(text) ? 'help' : 'unknown';
    const key =
      intent === 'greeting' ? 'common:greeting' : intent === 'help' ? 'common:help' : 'common:not_understood';
    return { shopId: null, intent, lang, replies: [{ body: deps.translator.t(lang, key) }] };
  };
}
