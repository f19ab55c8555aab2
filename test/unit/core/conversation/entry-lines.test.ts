import { describe, expect, it } from 'vitest';
import {
  looksLikeUnitPrice,
  pricePurchaseLine,
  priceSaleLine,
  totalPaise,
} from '../../../../src/core/conversation/entry-lines.js';
import { formatQuantity, unitFactor } from '../../../../src/core/conversation/quantities.js';
import { product } from './fixtures.js';

describe('sale and purchase lines', () => {
  it("prices a sale at the shop's price when the message names none", () => {
    expect(priceSaleLine(product(), { quantity: 18 })).toMatchObject({
      quantity: 18,
      unitPricePaise: 1400,
      amountPaise: 25200,
      priceSaid: false,
    });
  });

  it('takes a said unit price or line total', () => {
    expect(priceSaleLine(product(), { quantity: 2, unitPrice: 13 })).toMatchObject({
      unitPricePaise: 1300,
      amountPaise: 2600,
      priceSaid: true,
    });
    expect(priceSaleLine(product(), { quantity: 10, amount: 130 })).toMatchObject({
      unitPricePaise: 1300,
      amountPaise: 13000,
    });
  });

  it('reads "3 maggi 15 rs" as ₹15 each, not ₹5 each', () => {
    expect(looksLikeUnitPrice(1500, 3, 1400)).toBe(true);
    expect(priceSaleLine(product(), { quantity: 3, amount: 15 })).toMatchObject({
      unitPricePaise: 1500,
      amountPaise: 4500,
    });
    // A total near the list total stays a total.
    expect(looksLikeUnitPrice(4200, 3, 1400)).toBe(false);
    expect(looksLikeUnitPrice(1400, 1, 1400)).toBe(false);
  });

  it('defaults a missing quantity to one', () => {
    expect(priceSaleLine(product(), {})).toMatchObject({ quantity: 1, amountPaise: 1400 });
  });

  it('keeps a per-carton cost exact in the line amount, rounding only the per-packet price', () => {
    // 96 packets a carton: ₹1,150 / 96 is 1197.9 paise, and 1198 × 192 would total ₹2,300.16.
    expect(pricePurchaseLine(product(), { quantity: 2, unit: 'carton', unitPrice: 1150 })).toMatchObject({
      quantity: 192,
      unitPricePaise: 1198,
      amountPaise: 230000,
    });
  });

  it('converts cartons to packets and grams to kilos', () => {
    expect(pricePurchaseLine(product(), { quantity: 2, unit: 'carton', amount: 1150 })).toMatchObject({
      quantity: 192,
      amountPaise: 115000,
      known: true,
    });
    const sugar = product({ unit: 'kg', pricePaise: 4600, packSize: 50 });
    expect(priceSaleLine(sugar, { quantity: 500, unit: 'g' })).toMatchObject({
      quantity: 0.5,
      amountPaise: 2300,
    });
    expect(priceSaleLine(sugar, { quantity: 1, unit: 'kg', unitPrice: 48 }).amountPaise).toBe(4800);
  });

  it('values a purchase at the known cost, and says when the cost is unknown', () => {
    expect(pricePurchaseLine(product(), { quantity: 10 })).toMatchObject({ amountPaise: 11500, known: true });
    expect(pricePurchaseLine(product({ costPaise: null }), { quantity: 10 }).known).toBe(false);
  });

  it('sums line totals', () => {
    expect(totalPaise([{ amountPaise: 25200 }, { amountPaise: 12000 }, { amountPaise: 9200 }])).toBe(46400);
  });
});

describe('quantities', () => {
  it('knows how many product units a said unit is', () => {
    expect(unitFactor('dozen', { unit: 'piece', packSize: 100 })).toBe(12);
    expect(unitFactor('ml', { unit: 'litre', packSize: 12 })).toBe(0.001);
    expect(unitFactor('carton', { unit: 'kg', packSize: 50 })).toBe(1);
    expect(unitFactor('kg', { unit: 'packet', packSize: 96 })).toBe(1);
    expect(unitFactor(undefined, { unit: 'packet', packSize: 96 })).toBe(1);
  });

  it('shows quantities without float noise', () => {
    expect(formatQuantity(0.1 + 0.2)).toBe('0.3');
    expect(formatQuantity(2)).toBe('2');
    expect(formatQuantity(1.25)).toBe('1.25');
  });
});
