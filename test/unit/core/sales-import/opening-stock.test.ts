import { describe, expect, it } from 'vitest';
import { openingStock } from '../../../../src/core/sales-import/opening-stock.js';

describe('opening stock', () => {
  it('holds the days of cover at the recent pace, rounded up, ignoring older and later sales', () => {
    const sales = [
      { date: '2026-10-01', product: 'milk', quantity: 500 }, // before the pace window
      { date: '2026-11-20', product: 'milk', quantity: 14 },
      { date: '2026-11-23', product: 'milk', quantity: 14 },
      { date: '2026-11-23', product: 'maggi', quantity: 3 },
      { date: '2026-11-24', product: 'maggi', quantity: 90 }, // after the history's end
    ];
    const stock = openingStock(sales, { endDate: '2026-11-23', paceDays: 7, coverDays: 10 });
    expect(Object.fromEntries(stock)).toEqual({ milk: 40, maggi: 5 });
  });
});
