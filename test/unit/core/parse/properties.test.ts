import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/core/parse.js';

// Any text a phone can send must parse without throwing, to a known intent, in bounded time.

const INTENTS = new Set([
  'log_sale',
  'log_purchase',
  'set_stock',
  'set_price',
  'ask_forecast',
  'ask_price',
  'ask_report',
  'ask_stock',
  'undo',
  'help',
  'greeting',
  'alerts_off',
  'alerts_on',
  'set_language',
  'add_staff',
  'remove_staff',
  'send_order',
  'set_supplier',
  'add_product',
  'add_alias',
  'choose',
  'unknown',
]);
const now = new Date('2026-11-24T10:00:00+05:30');

// Pieces of real messages, so random strings also exercise the number, unit and price paths.
const PIECES = [
  'maggi',
  'मैगी',
  'kilo',
  'किलो',
  'dedh',
  'sawa',
  'paune',
  'saadhe',
  'sau',
  'lakh',
  '@',
  'x',
  '×',
  'rs',
  '₹',
  '-',
  '=',
  '/',
  '/-',
  'each',
  'ka',
  'kal',
  'aaj',
  'diwali',
  'rakhi',
  'pe',
  'agle',
  'din',
  'hafte',
  '?',
  ',',
  '\n',
  '.',
  '1',
  '2.5',
  '१२',
  '1,200',
  '9876543210',
  '+91',
  'staff',
  'matlab',
  'naya product',
  'stock',
  'bhav',
  'paav',
  'do',
  'darjan',
  'aur',
  'and',
  '  ',
  'ज़',
  'ँ',
  '\u200d',
  '😀',
];

function checkParse(text: string): void {
  const parsed = parseMessage(text, { now });
  expect(INTENTS.has(parsed.intent)).toBe(true);
  expect(['en', 'hi', 'hi-Latn']).toContain(parsed.lang);
  for (const item of parsed.items ?? []) {
    if (item.quantity !== undefined) expect(Number.isFinite(item.quantity)).toBe(true);
    if (item.unitPrice !== undefined) expect(Number.isFinite(item.unitPrice)).toBe(true);
  }
}

describe('parseMessage properties', () => {
  it('parses any Unicode string up to 4096 characters without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 4096 }), (text) => checkParse(text)),
      { numRuns: 300 },
    );
  });

  it('parses any mix of message fragments without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }),
        fc.constantFrom(' ', ''),
        (pieces, glue) => checkParse(pieces.join(glue)),
      ),
      { numRuns: 500 },
    );
  });

  it('has no catastrophic backtracking: adversarial 4096-character inputs parse in well under a second', () => {
    const adversarial = [
      '1'.repeat(4096),
      '1,'.repeat(2048),
      '1.'.repeat(2048),
      ','.repeat(4095) + 'a',
      'a'.repeat(4096),
      'क'.repeat(4096),
      '-'.repeat(4096),
      ' '.repeat(4095) + 'x',
      'maggi '.repeat(682),
      '9 '.repeat(2048),
      'naya product '.repeat(315) + '!',
      'aa'.repeat(2048),
      '\u093c'.repeat(4096),
      '+9'.repeat(2048),
    ];
    for (const text of adversarial) {
      const started = performance.now();
      checkParse(text);
      // A hang guard, not a speed target (that is the benchmark): linear parsing takes milliseconds,
      // catastrophic backtracking would take minutes.
      expect(performance.now() - started, JSON.stringify(text.slice(0, 12))).toBeLessThan(2000);
    }
  });

  it('is deterministic for a given time', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        expect(parseMessage(text, { now })).toEqual(parseMessage(text, { now }));
      }),
      { numRuns: 200 },
    );
  });
});
