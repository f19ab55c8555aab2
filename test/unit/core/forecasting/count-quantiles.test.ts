import { describe, expect, it } from 'vitest';
import {
  countQuantiles,
  normalQuantile,
  recentDispersion,
} from '../../../../src/core/forecasting/count-quantiles.js';

describe('count quantiles', () => {
  it('match Poisson quantiles when not over-dispersed', () => {
    // Poisson(2): P(X<=0)=0.135, P(X<=1)=0.406, P(X<=2)=0.677, P(X<=3)=0.857, P(X<=4)=0.947
    expect(countQuantiles(2, 1, [0.1, 0.5, 0.9])).toEqual([0, 2, 4]);
  });
  it('widen with dispersion and are zero for zero mean', () => {
    const [lo, , hi] = countQuantiles(5, 4, [0.1, 0.5, 0.9]);
    const [plo, , phi] = countQuantiles(5, 1, [0.1, 0.5, 0.9]);
    expect(hi! - lo!).toBeGreaterThan(phi! - plo!);
    expect(countQuantiles(0, 3, [0.1, 0.9])).toEqual([0, 0]);
  });
  it('uses the normal approximation for large means', () => {
    const [lo, mid, hi] = countQuantiles(1000, 1, [0.1, 0.5, 0.9]);
    expect(mid).toBeCloseTo(1000, 0);
    expect(hi! - mid!).toBeCloseTo(1.2816 * Math.sqrt(1000), 0);
    expect(mid! - lo!).toBeCloseTo(hi! - mid!, 6);
  });
  it('inverts the standard normal', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.96, 2);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2816, 3);
  });
  it('estimates dispersion from known recent days only', () => {
    expect(recentDispersion([5, 5, 5, 5, Number.NaN])).toBe(1);
    expect(recentDispersion([0, 10, 0, 10, 0, 10])).toBeGreaterThan(4);
  });
});
