import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedMessage } from '../../../../src/core/parse.js';

// Loads the labelled corpus in test/fixtures/messages (format in its README) and checks a parse against
// one label. Shared by the accuracy test and the parse benchmark.

export const CORPUS_NOW = new Date('2026-11-24T10:00:00+05:30');
export const CORPUS_TODAY = '2026-11-24';
export const REGISTERS = ['hi', 'hi-Latn', 'en'] as const;
export type Register = (typeof REGISTERS)[number];

export interface ExpectedItem {
  product: string | null;
  quantity?: number;
  unit?: string;
  unitPrice?: number;
  amount?: number;
}

export interface LabelledMessage {
  register: Register;
  text: string;
  intent: string;
  items: ExpectedItem[] | null;
  fields: Record<string, string | number>;
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/messages');

function parseItem(spec: string): ExpectedItem {
  const [product, ...rest] = spec.trim().split(/\s+/);
  const item: ExpectedItem = { product: product === 'null' ? null : product! };
  for (const part of rest) {
    if (part.startsWith('@')) item.unitPrice = Number(part.slice(1));
    else if (part.startsWith('=')) item.amount = Number(part.slice(1));
    else if (/^[\d.]+$/.test(part)) item.quantity = Number(part);
    else item.unit = part;
  }
  return item;
}

export function loadCorpus(dir: string = FIXTURES): LabelledMessage[] {
  const messages: LabelledMessage[] = [];
  for (const register of REGISTERS) {
    const lines = readFileSync(join(dir, `${register}.tsv`), 'utf8').split('\n');
    for (const line of lines) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const [text = '', intent = '', items = '', fields = ''] = line.split('\t');
      const parsedFields: Record<string, string | number> = {};
      for (const pair of fields.split(/\s+/).filter(Boolean)) {
        const [key, value = ''] = pair.split('=');
        const text = key === 'name' || key === 'alias' ? value.replaceAll('_', ' ') : value;
        parsedFields[key!] =
          key === 'phone' || Number.isNaN(Number(text)) || text === '' ? text : Number(text);
      }
      messages.push({
        register,
        text: text.replaceAll('\\n', '\n'),
        intent,
        items: items.trim() === '' ? null : items.split(';').map(parseItem),
        fields: parsedFields,
      });
    }
  }
  return messages;
}

/** Differences between a parse and its label; empty when the parse is fully right. */
export function compare(label: LabelledMessage, parsed: ParsedMessage): string[] {
  const problems: string[] = [];
  if (parsed.intent !== label.intent) problems.push(`intent ${parsed.intent} != ${label.intent}`);
  const lang = label.fields.lang ?? label.register;
  if (parsed.lang !== lang) problems.push(`lang ${parsed.lang} != ${lang}`);
  if (label.items) {
    const got = parsed.items ?? [];
    if (got.length !== label.items.length) problems.push(`items ${got.length} != ${label.items.length}`);
    label.items.forEach((want, k) => {
      const have = got[k];
      for (const key of ['product', 'quantity', 'unit', 'unitPrice', 'amount'] as const) {
        if (have?.[key] !== want[key]) problems.push(`item ${k} ${key} ${have?.[key]} != ${want[key]}`);
      }
    });
  }
  const date = label.fields.date ?? CORPUS_TODAY;
  if (parsed.date !== date) problems.push(`date ${parsed.date} != ${date}`);
  for (const [key, want] of Object.entries(label.fields)) {
    if (key === 'date' || key === 'lang') continue;
    const have = (parsed as unknown as Record<string, unknown>)[key];
    if (have !== want) problems.push(`${key} ${String(have)} != ${want}`);
  }
  // Fields the label does not mention must not be invented (a festival or product out of nowhere).
  for (const key of ['product', 'festival', 'days', 'period', 'expiry'] as const) {
    if (parsed[key] !== undefined && label.fields[key] === undefined)
      problems.push(`unexpected ${key} ${parsed[key]}`);
  }
  return problems;
}
