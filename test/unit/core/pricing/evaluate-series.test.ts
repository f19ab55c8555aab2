import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../../../src/core/inventory/local-date.js';
import type { PricedDay } from '../../../../src/core/pricing/elasticity.js';
import { evaluateElasticities } from '../../../../src/core/pricing/evaluate-series.js';

// Noise-free series with deterministic wobble so the fit has a finite, small standard error.
function series(elasticity: number, days: number, changes: boolean): PricedDay[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays('2025-03-01', i);
    const price = changes && Math.floor(i / 21) % 2 === 1 ? 18 : 20;
    const wobble = 1 + 0.3 * Math.sin(i * 1.7);
    return {
      date,
      units: Math.round(12 * (price / 20) ** elasticity * wobble * (weekdayOf(date) === 0 ? 1.3 : 1)),
      price,
    };
  });
}

describe('evaluateElasticities', () => {
  it('fits each series and pools the unidentified one to its category prior', () => {
    const result = evaluateElasticities(
      [
        { id: 'a', category: 'snacks', days: series(-1, 210, true) },
        { id: 'b', category: 'snacks', days: series(-1.5, 210, true) },
        { id: 'c', category: 'snacks', days: series(-2, 210, true) },
        { id: 'flat', category: 'snacks', days: series(-1, 210, false) },
      ],
      {},
      { mean: -1.2, sd: 0.7, series: 0 },
    );
    const byId = new Map(result.series.map((s) => [s.id, s]));
    const prior = result.priors.snacks!;
    expect(prior.series).toBe(3);
    expect(prior.mean).toBeGreaterThan(-2);
    expect(prior.mean).toBeLessThan(-1);
    const flat = byId.get('flat')!;
    expect(flat.own.identified).toBe(false);
    expect(flat.pooled).toEqual({ elasticity: prior.mean, sd: prior.sd, ownWeight: 0 });
    const a = byId.get('a')!;
    expect(a.own.identified).toBe(true);
    expect(a.pooled.ownWeight).toBeGreaterThan(0.5);
    expect(a.minPrice).toBe(18);
    expect(a.maxPrice).toBe(20);
    expect(a.priceLevels).toBe(2);
  });
});
