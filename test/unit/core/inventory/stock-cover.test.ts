import { describe, expect, it } from 'vitest';
import { assessStockCover, daysOfCover } from '../../../../src/core/inventory/stock-cover.js';

describe('days of cover', () => {
  it('walks the forecast day by day, with a fraction for the last day', () => {
    expect(daysOfCover(30, [10, 10, 10, 10])).toBe(3);
    expect(daysOfCover(25, [10, 10, 10, 10])).toBe(2.5);
    expect(daysOfCover(15, [5, 20])).toBe(1.5);
  });

  it('continues at the average rate past the forecast', () => {
    expect(daysOfCover(60, [10, 10])).toBe(6);
  });

  it('is null when nothing is expected to sell and zero for empty stock', () => {
    expect(daysOfCover(10, [0, 0])).toBeNull();
    expect(daysOfCover(10, [])).toBeNull();
    expect(daysOfCover(0, [3, 3])).toBe(0);
  });
});

describe('low-stock rule', () => {
  it('fires when stock covers fewer days than lead time plus review period', () => {
    const low = assessStockCover({
      stockOnHand: 8,
      stockOnOrder: 0,
      dailyMeans: [14, 14, 14],
      leadTimeDays: 1,
      reviewPeriodDays: 1,
    });
    expect(low.daysOfCover).toBeCloseTo(8 / 14, 9);
    expect(low.thresholdDays).toBe(2);
    expect(low.isLow).toBe(true);
  });

  it('counts stock already on order', () => {
    const ordered = assessStockCover({
      stockOnHand: 8,
      stockOnOrder: 40,
      dailyMeans: [14, 14, 14, 14],
      leadTimeDays: 1,
      reviewPeriodDays: 1,
    });
    expect(ordered.isLow).toBe(false);
  });

  it('never flags an item nobody buys', () => {
    const idle = assessStockCover({
      stockOnHand: 0,
      stockOnOrder: 0,
      dailyMeans: [0, 0],
      leadTimeDays: 2,
      reviewPeriodDays: 7,
    });
    expect(idle).toEqual({ daysOfCover: null, thresholdDays: 9, isLow: false });
  });
});
