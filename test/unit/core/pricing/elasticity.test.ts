import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../../../src/core/inventory/local-date.js';
import { estimateElasticity, type PricedDay } from '../../../../src/core/pricing/elasticity.js';
import { categoryPrior, shrinkElasticity } from '../../../../src/core/pricing/shrinkage.js';

const WEEKDAY = [1.4, 0.8, 0.9, 0.9, 1, 1.1, 1.3];

// Noise-free expected units, so a correct fit recovers the elasticity exactly.
function exactSeries(
  elasticity: number,
  days: number,
  options: { festivalOnCuts?: boolean } = {},
): PricedDay[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays('2025-01-01', i);
    const cut = Math.floor(i / 28) % 2 === 1;
    const price = cut ? 12 : 15;
    const festival = options.festivalOnCuts === true && cut && i % 28 === 3;
    const units = 20 * (price / 15) ** elasticity * WEEKDAY[weekdayOf(date)]! * (festival ? 2 : 1);
    return { date, units, price, festival };
  });
}

describe('estimateElasticity', () => {
  it('recovers a known elasticity from noise-free data with weekday effects', () => {
    const fit = estimateElasticity(exactSeries(-1.5, 168));
    expect(fit.identified).toBe(true);
    if (!fit.identified) return;
    expect(fit.elasticity).toBeCloseTo(-1.5, 5);
    expect(fit.priceLevels).toBe(2);
    expect(fit.low).toBeLessThan(fit.elasticity);
    expect(fit.high).toBeGreaterThan(fit.elasticity);
  });

  it('keeps festival days from inflating the price response', () => {
    const fit = estimateElasticity(exactSeries(-0.8, 168, { festivalOnCuts: true }));
    if (!fit.identified) throw new Error('not identified');
    expect(fit.elasticity).toBeCloseTo(-0.8, 5);
    const ignoringFestivals = estimateElasticity(
      exactSeries(-0.8, 168, { festivalOnCuts: true }).map((d) => ({ ...d, festival: false })),
    );
    if (!ignoringFestivals.identified) throw new Error('not identified');
    expect(ignoringFestivals.elasticity).toBeLessThan(-0.9);
  });

  it('recovers the elasticity with 8-week demand levels instead of a linear trend', () => {
    const fit = estimateElasticity(exactSeries(-1.5, 168), { trend: 'blocks' });
    if (!fit.identified) throw new Error('not identified');
    expect(fit.elasticity).toBeCloseTo(-1.5, 5);
  });

  it('does not count a price step under 2% as a price change', () => {
    const tiny = exactSeries(-1, 168).map((d) => ({ ...d, price: d.price === 12 ? 15.2 : 15 }));
    expect(estimateElasticity(tiny)).toMatchObject({ identified: false, reason: 'no-price-change' });
    expect(estimateElasticity(tiny, { minPriceStep: 0.01 }).identified).toBe(true);
  });

  it('refuses a series where one price level sold nothing (off the shelf, not price)', () => {
    const offShelf = exactSeries(-1, 168).map((d) => (d.price === 12 ? { ...d, units: 0 } : d));
    expect(estimateElasticity(offShelf)).toMatchObject({ identified: false, reason: 'silent-price-level' });
  });

  it('refuses series without a price change or with too little history', () => {
    const flat = exactSeries(-1, 168).map((d) => ({ ...d, price: 15 }));
    expect(estimateElasticity(flat)).toMatchObject({ identified: false, reason: 'no-price-change' });
    expect(estimateElasticity(exactSeries(-1, 20))).toMatchObject({
      identified: false,
      reason: 'too-few-days',
    });
    const silent = exactSeries(-1, 168).map((d) => ({ ...d, units: 0 }));
    expect(estimateElasticity(silent)).toMatchObject({ identified: false, reason: 'no-sales' });
  });

  it('widens the interval for noisier data', () => {
    const clean = estimateElasticity(exactSeries(-1.2, 168));
    const noisy = estimateElasticity(
      exactSeries(-1.2, 168).map((d, i) => ({
        ...d,
        units: Math.round(d.units * (i % 3 === 0 ? 0.4 : 1.3)),
      })),
    );
    if (!clean.identified || !noisy.identified) throw new Error('not identified');
    expect(noisy.se).toBeGreaterThan(clean.se);
    expect(noisy.dispersion).toBeGreaterThan(1);
  });
});

describe('shrinkage', () => {
  it('averages own estimate and prior by precision', () => {
    const pooled = shrinkElasticity({ elasticity: -2, se: 0.5 }, { mean: -1, sd: 0.5, series: 10 });
    expect(pooled.elasticity).toBeCloseTo(-1.5, 9);
    expect(pooled.sd).toBeCloseTo(Math.sqrt(1 / 8), 9);
    expect(pooled.ownWeight).toBeCloseTo(0.5, 9);
  });

  it('falls back to the prior without own data', () => {
    expect(shrinkElasticity(null, { mean: -1.1, sd: 0.6, series: 4 })).toEqual({
      elasticity: -1.1,
      sd: 0.6,
      ownWeight: 0,
    });
  });

  it('builds a random-effects category prior whose spread includes between-series variation', () => {
    const same = categoryPrior([
      { elasticity: -1, se: 0.1 },
      { elasticity: -1, se: 0.1 },
      { elasticity: -1, se: 0.1 },
    ]);
    expect(same.mean).toBeCloseTo(-1, 9);
    // Identical estimates say nothing about how shops differ: the spread keeps the 0.2 floor.
    expect(same.sd).toBeCloseTo(Math.sqrt(0.04 + 1 / 300), 9);
    expect(same.meanSe).toBeCloseTo(Math.sqrt(1 / 300), 9);
    const sameWithoutFloor = categoryPrior(
      Array.from({ length: 3 }, () => ({ elasticity: -1, se: 0.1 })),
      undefined,
      1,
      0,
    );
    expect(sameWithoutFloor.sd).toBeCloseTo(Math.sqrt(1 / 300), 9);
    const wide = { mean: -1, sd: 2, series: 0 };
    const estimates = [
      { elasticity: -0.5, se: 0.1 },
      { elasticity: -1.5, se: 0.1 },
      { elasticity: -2.5, se: 0.1 },
    ];
    const spread = categoryPrior(estimates, wide);
    // Q = 200, τ² = (200 − 2) / (300 − 100) = 0.99.
    expect(spread.mean).toBeCloseTo(-1.5, 9);
    expect(spread.sd).toBeCloseTo(Math.sqrt(0.99 + 1 / 3), 9);
    // Never looser than the fallback prior.
    expect(categoryPrior(estimates, { ...wide, sd: 0.7 }).sd).toBe(0.7);
    expect(categoryPrior([{ elasticity: -3, se: 0.1 }]).series).toBe(0);
  });

  it('leaves near-uninformative estimates out of the category prior', () => {
    const prior = categoryPrior([
      { elasticity: -1, se: 0.2 },
      { elasticity: -1.2, se: 0.2 },
      { elasticity: -0.8, se: 0.2 },
      { elasticity: -140, se: 2000 },
    ]);
    expect(prior.series).toBe(3);
    expect(prior.mean).toBeCloseTo(-1, 9);
  });
});
