import { readFileSync } from 'node:fs';
import { packagePath } from '../../../src/package-path.js';

// The load is drawn from the parser's labelled corpus, so every text is one the parser is known to read:
// sales lists, questions and report requests in Devanagari, Hinglish and English.

export type MessageKind = 'sale' | 'question' | 'report';

export interface MixMessage {
  kind: MessageKind;
  register: 'en' | 'hi' | 'hi-Latn';
  text: string;
}

const KIND_OF_INTENT: Record<string, MessageKind> = {
  log_sale: 'sale',
  ask_stock: 'question',
  ask_price: 'question',
  ask_report: 'report',
};

/** Share of each kind in the traffic: a shop mostly logs sales and sometimes asks. */
export const MIX_WEIGHTS: Record<MessageKind, number> = { sale: 0.6, question: 0.25, report: 0.15 };

export function loadMessagePool(): Record<MessageKind, MixMessage[]> {
  const pool: Record<MessageKind, MixMessage[]> = { sale: [], question: [], report: [] };
  for (const register of ['en', 'hi', 'hi-Latn'] as const) {
    const lines = readFileSync(packagePath('test', 'fixtures', 'messages', `${register}.tsv`), 'utf8').split(
      '\n',
    );
    for (const line of lines) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [text, intent] = line.split('\t');
      const kind = intent ? KIND_OF_INTENT[intent] : undefined;
      if (text && kind) pool[kind].push({ kind, register, text });
    }
  }
  for (const [kind, messages] of Object.entries(pool)) {
    if (messages.length === 0) throw new Error(`no ${kind} messages in the corpus`);
  }
  return pool;
}

/** A deterministic sequence of messages with the mix's proportions (seeded, so runs compare). */
export function createMessagePicker(seed = 42): () => MixMessage {
  const pool = loadMessagePool();
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return () => {
    const roll = random();
    const kind: MessageKind =
      roll < MIX_WEIGHTS.sale
        ? 'sale'
        : roll < MIX_WEIGHTS.sale + MIX_WEIGHTS.question
          ? 'question'
          : 'report';
    const choices = pool[kind];
    return choices[Math.floor(random() * choices.length)] as MixMessage;
  };
}

/** The phone number of bench shop `index` (owner), E.164. */
export function shopPhone(index: number): string {
  return `+9197${String(index).padStart(8, '0')}`;
}
