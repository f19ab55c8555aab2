import type { Language, Translator } from '../../adapters/i18n/translator.js';
import { isReplyText, type ReplyParam, type ReplyText } from '../../core/conversation/reply.js';

/** Renders a reply key; parameters that are replies themselves render first (a list: one per line). */
export function renderReply(translator: Translator, lang: Language, text: ReplyText): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {}))
    params[name] = renderParam(translator, lang, value);
  return translator.t(lang, text.key, params);
}

function renderParam(translator: Translator, lang: Language, value: ReplyParam): string | number {
  if (Array.isArray(value)) return value.map((item) => renderReply(translator, lang, item)).join('\n');
  if (isReplyText(value)) return renderReply(translator, lang, value);
  return value;
}
