import { describe, expect, it } from 'vitest';
import { daySpread, demandQuantile, sumDemand } from '../../../../src/core/inventory/demand-sum.js';
import { addDays, eachDay } from '../../../../src/core/inventory/local-date.js';
import {
  computeRestock,
  festivalBuyingWindow,
  nextDaysWindow,
} from '../../../../src/core/inventory/restock.js';
import type { ForecastDay, RestockProduct } from '../../../../src/core/inventory/types.js';

const Z90 = 1.2815515655446004;

function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => nonFiniteNumbers(inner, `${path}.${key}`));
}

const lays: RestockProduct = {
  id: 'lays',
  unit: 'packet',
  packSize: 12,
  category: 'snacks',
  pricePaise: 2000,
  costPaise: 1700,
};

function flatForecast(start: string, end: string, mean: number, sd = 0): ForecastDay[] {
  return eachDay(start, end).map((date) => ({
    date,
    mean,
    p10: mean - Z90 * sd,
    p50: mean,
    p90: mean + Z90 * sd,
  }));
}

describe('demand sum', () => {
  it('reads sd from the p10–p90 distance and sums variances, not quantiles', () => {
    const days = flatForecast('2026-11-01', '2026-11-04', 10, 2).map(daySpread);
    expect(days[0]?.sd).toBeCloseTo(2, 9);
    const independent = sumDemand(days, 0);
    expect(independent.mean).toBe(40);
    expect(independent.sd).toBeCloseTo(4, 9); // sqrt(4 × 2²)
    expect(sumDemand(days, 1).sd).toBeCloseTo(8, 9); // fully shared error: σ's add
    // simple-statistics probit is good to about 1e-3, plenty for units of stock.
    expect(demandQuantile(independent, 0.9)).toBeCloseTo(40 + Z90 * 4, 2);
    expect(demandQuantile(independent, 0.5)).toBeCloseTo(40, 9);
  });

  it('never goes below zero for a tiny mean at a low level', () => {
    expect(demandQuantile({ mean: 0.2, sd: 1, days: 1 }, 0.1)).toBe(0);
  });
});

describe('computeRestock', () => {
  it('covers window plus lead time, subtracts stock and rounds up to whole packs', () => {
    const window = { start: '2026-11-03', end: '2026-11-09' };
    const advice = computeRestock({
      product: lays,
      today: '2026-11-01',
      window,
      leadTimeDays: 2,
      stockOnHand: 25,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-01', '2026-11-09', 10),
      serviceLevel: 0.5,
    });
    // 9 days × 10 = 90 needed, 25 in stock → 65 → 6 packs of 12 = 72.
    expect(advice.targetUnits).toBeCloseTo(90, 9);
    expect(advice.packs).toBe(6);
    expect(advice.orderUnits).toBe(72);
    expect(advice.orderByDate).toBe('2026-11-01');
    expect(advice.late).toBe(false);
    expect(advice.windowDemand.mean).toBeCloseTo(70, 9);
    expect(advice.basis).toBe('forecast');
  });

  it('counts stock on order and orders nothing when stock already covers the target', () => {
    const advice = computeRestock({
      product: lays,
      today: '2026-11-01',
      window: { start: '2026-11-03', end: '2026-11-09' },
      leadTimeDays: 2,
      stockOnHand: 50,
      stockOnOrder: 48,
      forecast: flatForecast('2026-11-01', '2026-11-09', 10),
      serviceLevel: 0.5,
    });
    expect(advice.orderUnits).toBe(0);
    expect(advice.packs).toBe(0);
  });

  it('reports the festival uplift over the recent 4-week average and the order-by date', () => {
    const advice = computeRestock({
      product: lays,
      today: '2026-10-20',
      window: { start: '2026-11-05', end: '2026-11-08' },
      leadTimeDays: 3,
      stockOnHand: 0,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-05', '2026-11-08', 10),
      recentDailyAverage: 4,
      festivalId: 'diwali',
    });
    expect(advice.orderByDate).toBe('2026-11-02');
    expect(advice.why.upliftFactor).toBeCloseTo(2.5, 9);
    expect(advice.why.festivalId).toBe('diwali');
    expect(advice.why.recentDailyAverage).toBe(4);
    // Days before the window without a forecast fall back to the recent average: 16 × 4 + 4 × 10.
    expect(advice.why.coverageDays).toBe(20);
    expect(advice.targetUnits).toBeGreaterThan(16 * 4 + 40);
  });

  it('takes the week up to the festival as its buying window', () => {
    expect(festivalBuyingWindow('2026-11-08')).toEqual({ start: '2026-11-02', end: '2026-11-08' });
    expect(festivalBuyingWindow('2026-11-08', 1)).toEqual({ start: '2026-11-08', end: '2026-11-08' });
  });

  it('uses a higher service level for fast high-margin items than for plain ones', () => {
    const base = {
      today: '2026-11-01',
      window: nextDaysWindow('2026-11-01', 7, 1),
      leadTimeDays: 1,
      stockOnHand: 0,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-01', '2026-11-08', 10, 3),
    };
    const fastHighMargin = computeRestock({ ...base, product: { ...lays, costPaise: 1500 } });
    const lowMargin = computeRestock({ ...base, product: { ...lays, costPaise: 1950 } });
    expect(fastHighMargin.serviceLevel).toBe(0.95);
    expect(lowMargin.serviceLevel).toBe(0.9);
    expect(fastHighMargin.targetUnits).toBeGreaterThan(lowMargin.targetUnits);
  });

  it('caps a perishable order at what sells within its shelf life', () => {
    const milk: RestockProduct = {
      id: 'milk',
      unit: 'litre',
      packSize: 1,
      category: 'dairy',
      pricePaise: 6600,
      costPaise: 6200,
      shelfLifeDays: 2,
    };
    const window = nextDaysWindow('2026-11-01', 7, 1);
    expect(window).toEqual({ start: '2026-11-02', end: '2026-11-08' });
    const advice = computeRestock({
      product: milk,
      today: '2026-11-01',
      window,
      leadTimeDays: 1,
      stockOnHand: 8,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-01', '2026-11-08', 14),
      serviceLevel: 0.5,
    });
    // Uncapped: 8 days × 14 − 8 = 104. The 8 litres sell out today, so the order can only sell 2 days × 14.
    expect(advice.why.shelfLifeCapUnits).toBeCloseTo(28, 9);
    expect(advice.orderUnits).toBe(28);
    expect(advice.cappedByShelfLife).toBe(true);
  });

  it('gives perishables the low service level', () => {
    const bread: RestockProduct = { ...lays, id: 'bread', shelfLifeDays: 4, packSize: 1 };
    const advice = computeRestock({
      product: bread,
      today: '2026-11-01',
      window: nextDaysWindow('2026-11-01', 3, 1),
      leadTimeDays: 1,
      stockOnHand: 0,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-01', '2026-11-04', 20, 4),
    });
    expect(advice.serviceLevel).toBe(0.8);
    expect(advice.why.serviceLevelReason).toBe('perishable');
  });

  it('says when the order-by date has passed and orders from today', () => {
    const advice = computeRestock({
      product: lays,
      today: '2026-11-04',
      window: { start: '2026-11-05', end: '2026-11-08' },
      leadTimeDays: 3,
      stockOnHand: 0,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-04', '2026-11-08', 5),
    });
    expect(advice.late).toBe(true);
    expect(advice.orderByDate).toBe('2026-11-04');
  });

  it('gives a finite, zero order with zero history and zero stock', () => {
    const advice = computeRestock({
      product: lays,
      today: '2026-11-01',
      window: nextDaysWindow('2026-11-01', 7, 2),
      leadTimeDays: 2,
      stockOnHand: 0,
      stockOnOrder: 0,
      forecast: [],
    });
    expect(advice.basis).toBe('no-history');
    expect(advice.orderUnits).toBe(0);
    expect(advice.why.upliftFactor).toBeNull();
    expect(nonFiniteNumbers(advice)).toEqual([]);
  });

  it('never orders a negative amount when the ledger shows negative stock', () => {
    const advice = computeRestock({
      product: { ...lays, packSize: 0 },
      today: '2026-11-01',
      window: { start: '2026-11-01', end: addDays('2026-11-01', 2) },
      leadTimeDays: 0,
      stockOnHand: -5,
      stockOnOrder: 0,
      forecast: flatForecast('2026-11-01', '2026-11-03', 2),
      serviceLevel: 0.5,
    });
    expect(advice.packSize).toBe(1);
    expect(advice.orderUnits).toBe(6);
  });
});
