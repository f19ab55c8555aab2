import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../../src/commands/parse.js';

// The CLI's line mapping: the contract output of ARCHITECTURE.md, and "unknown" for bad lines.

const options = { clock: () => new Date('2026-11-24T10:00:00+05:30'), timeZone: 'Asia/Kolkata' };

describe('parse command lines', () => {
  it('maps a parse to the contract: rupees as numbers, no date for today', () => {
    const out = parseLine(
      JSON.stringify({ text: 'aaj 18 maggi, 2 kilo cheeni @ 46', now: '2026-11-24T10:00:00+05:30' }),
      options,
    );
    expect(out).toEqual({
      intent: 'log_sale',
      lang: 'hi-Latn',
      items: [
        { product: 'maggi', quantity: 18 },
        { product: 'sugar', quantity: 2, unit: 'kg', unitPrice: 46 },
      ],
    });
  });

  it("includes date only when the message names another day, from the line's now", () => {
    expect(
      parseLine(JSON.stringify({ text: 'kal 5 maggi becha', now: '2026-03-01T09:00:00+05:30' }), options),
    ).toMatchObject({
      date: '2026-02-28',
    });
    expect(parseLine(JSON.stringify({ text: 'kal 5 maggi becha' }), options)).toMatchObject({
      date: '2026-11-23',
    });
  });

  it('answers unknown for lines that are not valid input', () => {
    for (const line of [
      'not json',
      '{"nope":1}',
      '[]',
      'null',
      '{"text": 5}',
      '',
      '{"text":"x","now":"garbage"}',
    ]) {
      expect(parseLine(line, options), line).toEqual({ intent: 'unknown', lang: 'en' });
    }
  });

  it('passes through forecast fields', () => {
    expect(parseLine(JSON.stringify({ text: 'diwali pe kitne lays mangwau' }), options)).toEqual({
      intent: 'ask_forecast',
      lang: 'hi-Latn',
      product: 'lays',
      festival: 'diwali',
    });
  });
});
