import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/core/parse.js';

// An expiry date is the next such day from today, and it never becomes the day the purchase is logged on.

const now = new Date('2026-11-24T10:00:00+05:30');

describe('expiry dates on purchases', () => {
  it('reads a day of the month already past as next month', () => {
    expect(parseMessage('20 doodh aaya expiry 5 tarikh', { now })).toMatchObject({
      intent: 'log_purchase',
      date: '2026-11-24',
      expiry: '2026-12-05',
    });
  });

  it('reads a month name already past as next year', () => {
    expect(parseMessage('received 6 ghee expiring 10 jan', { now }).expiry).toBe('2027-01-10');
  });

  it('keeps the purchase day separate from the expiry day', () => {
    const parsed = parseMessage('kal 20 doodh aaya expiry 28 tarikh', { now });
    expect(parsed.date).toBe('2026-11-23');
    expect(parsed.expiry).toBe('2026-11-28');
    expect(parsed.items).toEqual([{ product: 'milk', text: 'doodh', quantity: 20 }]);
  });

  it('ignores an expiry word with no date after it, and sales', () => {
    expect(parseMessage('20 doodh aaya expiry', { now }).expiry).toBeUndefined();
    expect(parseMessage('20 doodh becha expiry 28 tarikh', { now }).expiry).toBeUndefined();
  });

  it('ties the date to the items of its own clause when a purchase lists several', () => {
    const parsed = parseMessage('20 doodh aaya expiry 28 tarikh, 10 bread', { now });
    expect(parsed.expiry).toBe('2026-11-28');
    expect(parsed.items?.map((item) => [item.product, item.expiry])).toEqual([
      ['milk', '2026-11-28'],
      ['bread', undefined],
    ]);
    const hindi = parseMessage('10 ब्रेड, 20 दूध एक्सपायरी 28 तारीख आया', { now });
    expect(hindi.items?.map((item) => [item.product, item.expiry])).toEqual([
      ['bread', undefined],
      ['milk', '2026-11-28'],
    ]);
  });

  it('leaves the date to every item when its clause names none or all of them', () => {
    for (const text of [
      '20 doodh, 10 bread aaya, expiry 28 tarikh',
      'received 20 milk and 10 bread expiring 28 nov',
    ]) {
      const parsed = parseMessage(text, { now });
      expect(parsed.expiry).toBe('2026-11-28');
      expect(parsed.items).toHaveLength(2);
      expect(parsed.items?.every((item) => item.expiry === undefined)).toBe(true);
    }
  });

  it('reads a date per clause, and never a second expiry as the day of the purchase', () => {
    const parsed = parseMessage('20 doodh aaya expiry 28 tarikh, 10 bread expiry 30 tarikh', { now });
    expect(parsed.date).toBe('2026-11-24');
    expect(parsed.items?.map((item) => [item.product, item.quantity, item.expiry])).toEqual([
      ['milk', 20, '2026-11-28'],
      ['bread', 10, '2026-11-30'],
    ]);
  });
});
