import { designRows } from './design.js';
import { weightedLeastSquares } from './least-squares.js';

// Price response from a shop's own price changes: log E[units] = a + e·log(price) + weekday + festival day
// (+ payday week, a yearly cycle, a linear trend; see design.ts), so e is the elasticity of a log-log demand curve. It is fitted as a Poisson regression
// (iteratively reweighted least squares) rather than OLS on log(units + 1): kirana items sell a few units a
// day with many zero days, where the +1 shift biases OLS towards zero. The standard error is the quasi-Poisson
// one (scaled by the Pearson dispersion), since daily counts are noisier than Poisson. Busy days are the
// noisiest in absolute terms, so a second pass reweights with negative-binomial variance μ + αμ² (α by the
// method of moments from the Poisson pass), which tightens the estimate when counts are over-dispersed.

export interface PricedDay {
  date: string;
  units: number;
  /** Shelf price that day, in any currency unit (only ratios matter). */
  price: number;
  festival?: boolean;
  /** The named festival window the day falls in (its buying days and the festival itself), e.g. 'diwali'.
   *  Each name gets its own level, since festivals lift an item by very different amounts. */
  festivalId?: string;
}

export interface ElasticityOptions {
  /** How slow changes in demand are controlled for, so a price change that coincides with one does not take
   *  credit for it: 'linear' (a straight-line drift, default), 'blocks' (a separate level for every
   *  `blockDays` days; only price changes within a block inform the estimate) or 'none'. */
  trend?: 'linear' | 'blocks' | 'none';
  blockDays?: number;
  /** Two-sided interval level (default 0.9). */
  intervalLevel?: number;
  /** A price level counts only when held this many days (default 7). */
  minDaysPerPrice?: number;
  /** Levels closer than this relative step count as one (default 0.02): a 0.25% change says nothing. */
  minPriceStep?: number;
  /** Control for the payday week, days 1-7 of the month (default true). */
  payday?: boolean;
  /** Fit a yearly cycle when the data spans at least this many days (default 365; Infinity turns it off). */
  seasonMinDays?: number;
}

export type ElasticityEstimate =
  | {
      identified: true;
      elasticity: number;
      se: number;
      low: number;
      high: number;
      days: number;
      priceLevels: number;
      /** α in Var = μ + αμ² (0 for Poisson noise): how much noisier than Poisson the days are. */
      overdispersion: number;
      /** Pearson χ²/df under that variance; near 1 when the noise model fits. */
      dispersion: number;
    }
  | {
      identified: false;
      reason: 'too-few-days' | 'no-price-change' | 'no-sales' | 'silent-price-level';
      days: number;
      priceLevels: number;
    };

const Z_BY_LEVEL: Record<string, number> = { '0.8': 1.2816, '0.9': 1.6449, '0.95': 1.96, '0.99': 2.5758 };

export function estimateElasticity(
  input: readonly PricedDay[],
  options: ElasticityOptions = {},
): ElasticityEstimate {
  const days = input.filter(
    (d) => Number.isFinite(d.units) && d.units >= 0 && Number.isFinite(d.price) && d.price > 0,
  );
  const minDays = options.minDaysPerPrice ?? 7;
  const { levels: priceLevels, silentLevels } = countPriceLevels(days, minDays, options.minPriceStep ?? 0.02);
  if (days.length < 28) return { identified: false, reason: 'too-few-days', days: days.length, priceLevels };
  if (priceLevels < 2)
    return { identified: false, reason: 'no-price-change', days: days.length, priceLevels };
  if (!days.some((d) => d.units > 0))
    return { identified: false, reason: 'no-sales', days: days.length, priceLevels };
  // A price held for a week or more that sold nothing usually means the item was off the shelf; the fit
  // would then drive that price's demand to zero and report an absurd elasticity with a confident interval.
  if (silentLevels > 0)
    return { identified: false, reason: 'silent-price-level', days: days.length, priceLevels };

  const design = designRows(days, {
    trend: options.trend ?? 'linear',
    blockDays: options.blockDays ?? 56,
    payday: options.payday ?? true,
    seasonMinDays: options.seasonMinDays ?? 365,
  });
  const units = days.map((d) => d.units);
  let fit = fitCounts(design.rows, units);
  // Over two years a yearly cycle and a price held for months can look alike, so an unneeded cycle takes
  // real price response with it (on the price bench's shops with a change every ~150 days, most of them
  // without a season, keeping it always made the median error 0.17 instead of 0.13).
  // It stays only when the data clearly shows one (Wald χ² on 2 df above 13.8, p < 0.001).
  const at = design.seasonAt;
  if (at !== null && seasonWald(fit, at) < 13.8) {
    fit = fitCounts(
      design.rows.map((row) => row.filter((_, j) => j !== at && j !== at + 1)),
      units,
    );
  }
  const { alpha, dispersion } = fit;
  const elasticity = fit.coefficients[1]!;
  const se = Math.sqrt(dispersion * fit.inverse[1]![1]!);
  const z = Z_BY_LEVEL[String(options.intervalLevel ?? 0.9)] ?? 1.6449;
  return {
    identified: true,
    elasticity,
    se,
    low: elasticity - z * se,
    high: elasticity + z * se,
    days: days.length,
    priceLevels,
    overdispersion: alpha,
    dispersion,
  };
}

// Prices held at least minDays, grouped greedily from the lowest so that levels within minPriceStep of the
// group's first price are one level.
function countPriceLevels(
  days: readonly PricedDay[],
  minDays: number,
  minStep: number,
): { levels: number; silentLevels: number } {
  const byPrice = new Map<number, { days: number; units: number }>();
  for (const d of days) {
    const entry = byPrice.get(d.price) ?? { days: 0, units: 0 };
    entry.days++;
    entry.units += d.units;
    byPrice.set(d.price, entry);
  }
  const held = [...byPrice].filter(([, e]) => e.days >= minDays).sort(([a], [b]) => a - b);
  const groupUnits: number[] = [];
  let groupStart = Number.NEGATIVE_INFINITY;
  for (const [price, entry] of held) {
    if (price >= groupStart * (1 + minStep)) {
      groupUnits.push(0);
      groupStart = price;
    }
    groupUnits[groupUnits.length - 1]! += entry.units;
  }
  return { levels: groupUnits.length, silentLevels: groupUnits.filter((u) => u === 0).length };
}

// Moment estimate of α in Var(y) = μ + αμ²: the excess of squared residuals over μ, per unit of μ².
function overdispersion(mu: readonly number[], units: readonly number[]): number {
  let excess = 0;
  let scale = 0;
  mu.forEach((m, i) => {
    excess += (units[i]! - m) ** 2 - m;
    scale += m * m;
  });
  return scale > 0 ? Math.max(0, excess / scale) : 0;
}

interface DispersedFit extends CountFit {
  alpha: number;
  dispersion: number;
}

// Poisson first, then negative binomial with α from the Poisson residuals; the Pearson χ²/df under that
// variance scales the covariance (never below 1) so the interval reflects the noise actually seen.
function fitCounts(rows: number[][], units: readonly number[]): DispersedFit {
  const poisson = countIrls(rows, units, 0);
  const alpha = overdispersion(poisson.mu, units);
  const fit = alpha > 0 ? countIrls(rows, units, alpha, poisson.coefficients) : poisson;
  let pearson = 0;
  fit.mu.forEach((mu, i) => {
    pearson += (units[i]! - mu) ** 2 / (mu + alpha * mu * mu);
  });
  const k = rows[0]!.length;
  const dispersion = Math.max(1, pearson / Math.max(1, units.length - k));
  return { ...fit, alpha, dispersion };
}

// b' V⁻¹ b for the sine-cosine pair at columns at, at + 1.
function seasonWald(fit: DispersedFit, at: number): number {
  const b0 = fit.coefficients[at]!;
  const b1 = fit.coefficients[at + 1]!;
  const v00 = fit.dispersion * fit.inverse[at]![at]!;
  const v11 = fit.dispersion * fit.inverse[at + 1]![at + 1]!;
  const v01 = fit.dispersion * fit.inverse[at]![at + 1]!;
  const det = v00 * v11 - v01 * v01;
  if (!(det > 0)) return 0;
  return (b0 * b0 * v11 - 2 * b0 * b1 * v01 + b1 * b1 * v00) / det;
}

interface CountFit {
  coefficients: number[];
  inverse: number[][];
  mu: number[];
}

// IRLS for a log-link count model; alpha = 0 is Poisson, alpha > 0 negative binomial with α known.
function countIrls(
  rows: number[][],
  units: readonly number[],
  alpha: number,
  start: number[] = [],
  maxIterations = 50,
): CountFit {
  let coefficients = start;
  let mu = start.length > 0 ? linearMu(rows, start) : units.map((y) => y + 0.5);
  let inverse: number[][] = [];
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const working = mu.map((m, i) => Math.log(m) + (units[i]! - m) / m);
    const fit = weightedLeastSquares(
      rows,
      working,
      mu.map((m) => m / (1 + alpha * m)),
    );
    const change = fit.coefficients.reduce((s, c, i) => Math.max(s, Math.abs(c - (coefficients[i] ?? 0))), 0);
    coefficients = fit.coefficients;
    inverse = fit.inverse;
    mu = linearMu(rows, coefficients);
    if (change < 1e-8) break;
  }
  return { coefficients, inverse, mu };
}

function linearMu(rows: number[][], coefficients: readonly number[]): number[] {
  return rows.map((row) =>
    Math.exp(
      Math.min(
        30,
        row.reduce((s, x, j) => s + x * coefficients[j]!, 0),
      ),
    ),
  );
}
