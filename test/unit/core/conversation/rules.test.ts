import { describe, expect, it } from 'vitest';
import { mayUse, replyLanguage, seesProfit } from '../../../../src/core/conversation/access.js';
import { dayWords, shortDate } from '../../../../src/core/conversation/calendar-words.js';
import { customCatalogId, readPriceAnswer } from '../../../../src/core/conversation/new-product.js';
import { checkPriceChange, isBelievableCost } from '../../../../src/core/conversation/price-rules.js';
import { undoVerdict } from '../../../../src/core/conversation/undo-rules.js';
import { product } from './fixtures.js';

describe('prices', () => {
  it('refuses a price above the MRP, with the reason', () => {
    expect(checkPriceChange(product(), 'price', 2000, 'Maggi')).toEqual({
      ok: false,
      reason: { key: 'ledger:price.above_mrp', params: { name: 'Maggi', price: '₹20', mrp: '₹15' } },
    });
    expect(checkPriceChange(product(), 'price', 1500, 'Maggi')).toEqual({ ok: true });
  });

  it('refuses an MRP below the selling price, and a zero price', () => {
    expect(checkPriceChange(product(), 'mrp', 1300, 'Maggi').ok).toBe(false);
    expect(checkPriceChange(product(), 'price', 0, 'Maggi').ok).toBe(false);
  });

  it('accepts but warns when the price does not cover the cost', () => {
    expect(checkPriceChange(product(), 'cost', 1450, 'Maggi')).toMatchObject({
      ok: true,
      warning: { key: 'ledger:price.below_cost' },
    });
  });
});

describe('costs said with a purchase', () => {
  it('updates the cost only when it is believable for the product', () => {
    expect(isBelievableCost(1200, product())).toBe(true);
    // ₹1150 for two cartons of 96 read as a unit cost: ₹5.99 for a ₹14 packet.
    expect(isBelievableCost(599, product())).toBe(false);
    expect(isBelievableCost(3000, product())).toBe(false);
    expect(isBelievableCost(0, product())).toBe(false);
  });
});

describe('undo', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('undoes entries of the last 24 hours only', () => {
    const recent = { kind: 'sale', createdAt: new Date('2026-11-24T01:00:00Z') };
    const old = { kind: 'sale', createdAt: new Date('2026-11-23T11:00:00Z') };
    expect(undoVerdict(recent, { now, role: 'staff' })).toBe('ok');
    expect(undoVerdict(old, { now, role: 'owner' })).toBe('too_old');
    expect(undoVerdict(undefined, { now, role: 'owner' })).toBe('nothing');
  });

  it("does not let staff undo the owner's price change", () => {
    const price = { kind: 'set_price', createdAt: now };
    expect(undoVerdict(price, { now, role: 'staff' })).toBe('not_allowed');
    expect(undoVerdict(price, { now, role: 'owner' })).toBe('ok');
  });
});

describe('roles and language', () => {
  it('keeps prices, staff and settings with the owner', () => {
    expect(mayUse('staff', 'log_sale')).toBe(true);
    expect(mayUse('staff', 'set_stock')).toBe(true);
    expect(mayUse('staff', 'set_price')).toBe(false);
    expect(mayUse('staff', 'add_staff')).toBe(false);
    expect(mayUse('owner', 'set_price')).toBe(true);
    expect(seesProfit('staff')).toBe(false);
  });

  it("replies in the chosen language, else in the message's register", () => {
    expect(replyLanguage({ language: 'hi', languageChosen: true }, 'en')).toBe('hi');
    expect(replyLanguage({ language: 'hi', languageChosen: false }, 'en')).toBe('en');
  });
});

describe('words and names', () => {
  it('names the day of an entry', () => {
    expect(dayWords('2026-11-24', '2026-11-24', 'hi-Latn')).toEqual({ key: 'ledger:day.today' });
    expect(dayWords('2026-11-23', '2026-11-24', 'en')).toEqual({
      key: 'ledger:day.yesterday',
      params: { date: '23 Nov' },
    });
    expect(dayWords('2026-11-22', '2026-11-24', 'hi')).toEqual({
      key: 'ledger:day.date',
      params: { date: '22 नव' },
    });
    expect(shortDate('2026-01-05', 'en')).toBe('5 Jan');
  });

  it('makes a stable catalog id for a new product', () => {
    expect(customCatalogId('Magic Masala')).toBe('custom_magic_masala');
    expect(customCatalogId('  magic   masala! ')).toBe('custom_magic_masala');
    expect(customCatalogId('मैजिक मसाला')).toBe('custom_मैजिक_मसाला');
  });

  it('reads a bare price answer', () => {
    expect(readPriceAnswer('12')).toBe(12);
    expect(readPriceAnswer('₹12.50')).toBe(12.5);
    expect(readPriceAnswer('15 rs')).toBe(15);
    expect(readPriceAnswer('15 रुपये')).toBe(15);
    expect(readPriceAnswer('5 maggi')).toBeNull();
    expect(readPriceAnswer('0')).toBeNull();
  });
});
