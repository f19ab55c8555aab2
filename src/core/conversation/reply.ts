// What a conversation decision says back: i18next keys with parameters, never finished strings, so the
// same decision renders in English, Hindi or Hinglish. A parameter may itself be a reply (or a list of
// them, rendered one per line), which keeps multi-line confirmations made of translatable pieces.

export interface ReplyText {
  key: string;
  params?: Record<string, ReplyParam>;
}

export type ReplyParam = string | number | ReplyText | ReplyText[];

export function reply(key: string, params?: Record<string, ReplyParam>): ReplyText {
  return params ? { key, params } : { key };
}

export function isReplyText(value: unknown): value is ReplyText {
  return typeof value === 'object' && value !== null && typeof (value as ReplyText).key === 'string';
}
