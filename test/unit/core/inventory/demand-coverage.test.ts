import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { daySpread, demandQuantile, sumDemand } from '../../../../src/core/inventory/demand-sum.js';
import { mulberry32, negativeBinomial } from '../../../../src/core/simulation/seeded-random.js';

// The documented approach (a normal per day from p10/p90, means and variances summed) should order enough
// for a week about as often as the service level says, when days are independent as simulated here.
describe('service level coverage of a summed window', () => {
  it('covers a simulated festival week about 90% of the time at level 0.9', () => {
    const random = mulberry32(7);
    const dailyMeans = [12, 14, 18, 25, 30, 40, 55];
    const draws = (mean: number, n: number) =>
      Array.from({ length: n }, () => negativeBinomial(random, mean, 5));
    // Per-day quantiles as a forecaster would store them.
    const forecast = dailyMeans.map((mean, day) => {
      const sample = draws(mean, 4000);
      return {
        date: `2026-11-0${day + 1}`,
        mean,
        p10: quantile(sample, 0.1),
        p50: quantile(sample, 0.5),
        p90: quantile(sample, 0.9),
      };
    });
    const target = demandQuantile(sumDemand(forecast.map(daySpread), 0), 0.9);
    const weeks = 4000;
    let covered = 0;
    for (let w = 0; w < weeks; w++) {
      const week = dailyMeans.reduce((sum, mean) => sum + negativeBinomial(random, mean, 5), 0);
      if (week <= target) covered++;
    }
    const share = covered / weeks;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.94);
    // Summing the daily p90s instead would over-order: far above the week's own 90% point.
    expect(forecast.reduce((s, d) => s + d.p90, 0)).toBeGreaterThan(target * 1.15);
  });
});
