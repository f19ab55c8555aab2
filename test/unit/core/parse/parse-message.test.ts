import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../src/core/catalog/default-catalog.js';
import { createProductMatcher } from '../../../../src/core/catalog/product-matcher.js';
import { parseMessage } from '../../../../src/core/parse.js';

const now = new Date('2026-11-24T10:00:00+05:30');
const parse = (text: string) => parseMessage(text, { now });

describe('parseMessage', () => {
  it('reads the conversation example into items with units kept as said', () => {
    expect(parse('aaj 18 maggi, 6 kurkure, 2 kilo cheeni')).toMatchObject({
      intent: 'log_sale',
      lang: 'hi-Latn',
      date: '2026-11-24',
      items: [
        { product: 'maggi', quantity: 18 },
        { product: 'kurkure', quantity: 6 },
        { product: 'sugar', text: 'cheeni', quantity: 2, unit: 'kg' },
      ],
    });
    expect(parse('500 gram chai patti').items).toEqual([
      { product: 'tea', text: 'chai patti', quantity: 500, unit: 'g' },
    ]);
  });

  it('reads each price form on a line', () => {
    expect(parse('maggi 10 @ 14').items?.[0]).toMatchObject({ quantity: 10, unitPrice: 14 });
    expect(parse('5 maggi 14 rs each').items?.[0]).toMatchObject({ quantity: 5, unitPrice: 14 });
    expect(parse('sugar 2 kg ₹46 kilo').items?.[0]).toMatchObject({ quantity: 2, unit: 'kg', unitPrice: 46 });
    expect(parse('10 x 15 maggi').items?.[0]).toMatchObject({ quantity: 10, unitPrice: 15 });
    expect(parse('maggi 24 - 336 rs').items?.[0]).toMatchObject({ quantity: 24, amount: 336 });
    expect(parse('dal 2 kilo 140 ka kilo').items?.[0]).toMatchObject({ quantity: 2, unitPrice: 140 });
  });

  it('reads one item per line of a WhatsApp list', () => {
    const parsed = parse('Maggi 24\nKurkure 10\nदूध 3 लीटर');
    expect(parsed.items?.map((item) => [item.product, item.quantity, item.unit])).toEqual([
      ['maggi', 24, undefined],
      ['kurkure', 10, undefined],
      ['milk', 3, 'litre'],
    ]);
  });

  it('fills date from now by tense and time zone', () => {
    expect(parse('kal 5 maggi becha').date).toBe('2026-11-23');
    expect(parse('kal kitna doodh bikega').date).toBe('2026-11-25');
    expect(parse('parso 4 kurkure bike').date).toBe('2026-11-22');
    // 23:30 UTC is already the next day in India.
    expect(parseMessage('aaj 5 maggi', { now: new Date('2026-11-24T23:30:00Z') }).date).toBe('2026-11-25');
    expect(parseMessage('aaj 5 maggi', { now: new Date('2026-11-24T23:30:00Z'), timeZone: 'UTC' }).date).toBe(
      '2026-11-24',
    );
  });

  it('reads festivals, horizons and report periods', () => {
    expect(parse('diwali pe kitne lays mangwau')).toMatchObject({
      intent: 'ask_forecast',
      product: 'lays',
      festival: 'diwali',
    });
    expect(parse('होली के लिए कितना गुलाल')).toMatchObject({ intent: 'ask_forecast', festival: 'holi' });
    expect(parse('agle hafte kitni maggi bikegi')).toMatchObject({ intent: 'ask_forecast', days: 7 });
    expect(parse('weekly report')).toMatchObject({ intent: 'ask_report', period: 'week' });
    expect(parse('5 rakhi becha')).toMatchObject({
      intent: 'log_sale',
      items: [{ product: 'rakhi', quantity: 5 }],
    });
  });

  it('reports an unknown word instead of guessing, with candidates', () => {
    const parsed = parse('5 magic');
    expect(parsed.items).toEqual([
      { product: null, text: 'magic', quantity: 5, candidates: expect.arrayContaining(['maggi']) },
    ]);
    expect(parsed.unknownWords).toEqual(['magic']);
  });

  it('uses a shop matcher with its own products and aliases', () => {
    const matcher = createProductMatcher({
      products: [
        ...DEFAULT_CATALOG,
        {
          id: 'magic_masala',
          names: { en: 'Magic Masala', hi: 'मैजिक मसाला', 'hi-Latn': 'magic masala' },
          aliases: [],
        },
      ],
      aliases: [{ alias: 'magic', productId: 'maggi' }],
    });
    expect(parseMessage('5 magic, 2 magic masala', { now, matcher }).items).toEqual([
      { product: 'maggi', text: 'magic', quantity: 5 },
      { product: 'magic_masala', text: 'magic masala', quantity: 2 },
    ]);
  });

  it('reads the setup intents', () => {
    expect(parse('staff add 9876543210')).toMatchObject({ intent: 'add_staff', phone: '+919876543210' });
    expect(parse('staff hatao +91 98765 43210')).toMatchObject({
      intent: 'remove_staff',
      phone: '+919876543210',
    });
    expect(parse('supplier maggi 9812345678')).toMatchObject({ intent: 'set_supplier', product: 'maggi' });
    expect(parse('hindi me baat karo')).toMatchObject({ intent: 'set_language', language: 'hi' });
    expect(parse('english please')).toMatchObject({ intent: 'set_language', language: 'en' });
    expect(parse('naya product Magic Masala 10 rs')).toMatchObject({
      intent: 'add_product',
      name: 'Magic Masala',
      price: 10,
    });
    expect(parse('magic matlab maggi')).toMatchObject({
      intent: 'add_alias',
      alias: 'magic',
      product: 'maggi',
    });
    expect(parse('एक')).toMatchObject({ intent: 'choose', choice: 1 });
    expect(parse('order bhej do')).toMatchObject({ intent: 'send_order' });
    expect(parse('maggi ki lagat 11.5')).toMatchObject({ intent: 'set_price', field: 'cost', price: 11.5 });
    expect(parse('maggi ka stock 50 hai')).toMatchObject({
      intent: 'set_stock',
      product: 'maggi',
      quantity: 50,
    });
    expect(parse('maggi kitni bachi')).toMatchObject({ intent: 'ask_stock', product: 'maggi' });
  });

  it('does not read verbs as numbers or products', () => {
    expect(parse('order bhej do').items).toBeUndefined();
    expect(parse('2 packet butter aur 1 bread diya').items?.map((item) => item.product)).toEqual([
      'butter',
      'bread',
    ]);
    expect(parse('kar do').intent).toBe('unknown');
  });

  it('answers unknown for nonsense and for empty input', () => {
    expect(parse('asdfgh').intent).toBe('unknown');
    expect(parse('').intent).toBe('unknown');
    expect(parse('   ').intent).toBe('unknown');
  });

  it('reads takings with no items as unknown with their total, never as a sale', () => {
    for (const [text, total] of [
      ['aaj ka sale 5600', 5600],
      ['आज की सेल 5600', 5600],
      ['28+15+60', 103],
      ['aaj ka total 5600', 5600],
    ] as const) {
      const parsed = parse(text);
      expect(parsed.intent, text).toBe('unknown');
      expect(parsed.total, text).toBe(total);
      expect(parsed.items, text).toBeUndefined();
    }
    // A battery is still a battery when counted.
    expect(parse('2 सेल').items?.[0]?.product).toBe('battery');
  });

  it('asks for a report when a period and the word for sales come with nothing to log', () => {
    expect(parse('इस महीने की बिक्री')).toMatchObject({ intent: 'ask_report', period: 'month' });
    expect(parse('this week sales')).toMatchObject({ intent: 'ask_report', period: 'week' });
    expect(parse('aaj ki bikri')).toMatchObject({ intent: 'ask_report', period: 'today' });
    expect(parse('aaj ki bikri\nmaggi 24').intent).toBe('log_sale');
  });

  it('reads a pack size and the count after it, and a rate said with bhav', () => {
    expect(parse('chai patti 250 gm 2').items).toEqual([{ product: 'tea', text: 'chai patti', quantity: 2 }]);
    expect(parse('paneer 200 gram 80').items?.[0]).toMatchObject({ quantity: 200, unit: 'g', amount: 80 });
    expect(parse('kal 2 kilo cheeni 45 ke bhav se bechi')).toMatchObject({
      intent: 'log_sale',
      items: [{ product: 'sugar', quantity: 2, unit: 'kg', unitPrice: 45 }],
    });
  });

  it('answers questions about the bot with help', () => {
    expect(parse('what can you do').intent).toBe('help');
    expect(parse('aap kya kya kar sakte ho').intent).toBe('help');
  });
});
