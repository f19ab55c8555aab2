import { probit } from 'simple-statistics';
import type { ForecastDay } from './types.js';

// Quantiles do not add: the p90 of a week is far below the sum of seven daily p90s. So each day is read as a
// normal distribution (mean from `mean`, spread from the p10–p90 distance, which is 2 × 1.2816 σ for a
// normal), the days' means are summed, and so are their variances plus a shared-error term: forecast errors
// on neighbouring days move together (a level that is off is off every day), so treating days as independent
// would understate the risk of a long window. With an equal correlation ρ between any two days,
// Var(Σ) = (1 − ρ) Σσᵢ² + ρ (Σσᵢ)². The sum is then read as a normal again, which is fair for windows of
// several days (central limit) and slightly low in the right tail for single slow items.

const Z90 = 1.2815515655446004;

export interface DemandSum {
  mean: number;
  sd: number;
  /** Number of days summed. */
  days: number;
}

export interface DaySpread {
  mean: number;
  sd: number;
}

/** Mean and standard deviation of one forecast day; never NaN, never negative. */
export function daySpread(day: ForecastDay): DaySpread {
  const mean = finiteOr(day.mean, finiteOr(day.p50, 0));
  const spread = finiteOr(day.p90, 0) - finiteOr(day.p10, 0);
  // A zero spread with positive demand (e.g. p10 = p90 = 0 for an intermittent item) still carries at least
  // count noise, so fall back to a Poisson σ.
  const sd = spread > 0 ? spread / (2 * Z90) : Math.sqrt(Math.max(0, mean));
  return { mean: Math.max(0, mean), sd };
}

export function sumDemand(days: readonly DaySpread[], dayCorrelation = 0.2): DemandSum {
  let mean = 0;
  let sumVar = 0;
  let sumSd = 0;
  for (const day of days) {
    mean += day.mean;
    sumVar += day.sd * day.sd;
    sumSd += day.sd;
  }
  const rho = Math.min(1, Math.max(0, dayCorrelation));
  const variance = (1 - rho) * sumVar + rho * sumSd * sumSd;
  return { mean, sd: Math.sqrt(variance), days: days.length };
}

/** The demand that is enough with probability `level` (clamped at zero). */
export function demandQuantile(sum: DemandSum, level: number): number {
  if (sum.sd === 0) return sum.mean;
  const p = Math.min(0.9999, Math.max(0.0001, level));
  return Math.max(0, sum.mean + probit(p) * sum.sd);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
