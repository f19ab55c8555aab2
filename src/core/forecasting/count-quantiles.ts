// Quantiles of a count distribution with a given mean and variance-to-mean ratio. Daily unit sales are
// small non-negative integers, so a negative binomial (Poisson when not over-dispersed) gives intervals
// that respect zero and the right skew; large means switch to a normal approximation to stay cheap.

const NORMAL_SWITCH = 150;

/** Inverse standard normal CDF (Acklam's rational approximation, ample for interval bounds). */
export function normalQuantile(p: number): number {
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
    2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const q = p < 0.5 ? p : 1 - p;
  let x: number;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    x =
      (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) /
      ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  } else {
    const r = q - 0.5;
    const s = r * r;
    x =
      -((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) /
      (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
  }
  return p < 0.5 ? -Math.abs(x) : Math.abs(x);
}

/** P(0) and the step P(k + 1) / P(k) of a Poisson (dispersion 1) or negative binomial count. */
function pmfWalk(mean: number, disp: number): { pmf: number; ratio: (k: number) => number } {
  if (disp < 1.0001) return { pmf: Math.exp(-mean), ratio: (k) => mean / (k + 1) };
  const r = mean / (disp - 1);
  const p = 1 / disp;
  return { pmf: Math.exp(r * Math.log(p)), ratio: (k) => ((k + r) / (k + 1)) * (1 - p) };
}

/** Quantiles (ascending probabilities) of a count with this mean and dispersion (variance / mean >= 1). */
export function countQuantiles(mean: number, dispersion: number, probs: readonly number[]): number[] {
  if (!(mean > 0)) return probs.map(() => 0);
  const disp = Math.max(1, dispersion);
  if (mean > NORMAL_SWITCH) {
    const sd = Math.sqrt(mean * disp);
    return probs.map((p) => Math.max(0, mean + sd * normalQuantile(p)));
  }
  // Walk the pmf upward once; each requested probability is met in order.
  const out: number[] = [];
  const walk = pmfWalk(mean, disp);
  const ratio = walk.ratio;
  let pmf = walk.pmf;
  let cdf = pmf;
  let k = 0;
  const limit = Math.ceil(mean * 20 + 200);
  for (const target of probs) {
    while (cdf < target && k < limit) {
      pmf *= ratio(k);
      k += 1;
      cdf += pmf;
    }
    out.push(k);
  }
  return out;
}

/** Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * The largest tail probability t for which `actual` still lies inside [quantile(t), quantile(1 - t)] of
 * the count distribution `countQuantiles` uses: the outcome's two-sided rank. An interval with tail t
 * holds exactly the outcomes whose rank is at least t, so the 20th percentile of past ranks is the tail
 * that would have held 80% of them.
 */
export function outcomeRank(mean: number, dispersion: number, actual: number): number {
  if (!(mean > 0)) return actual <= 0 ? 1 : 0;
  const disp = Math.max(1, dispersion);
  if (mean > NORMAL_SWITCH) {
    const p = normalCdf((actual - mean) / Math.sqrt(mean * disp));
    return Math.min(p, 1 - p);
  }
  // Integer quantiles: q(t) <= actual iff F(floor(actual)) >= t; q(1 - t) >= actual iff F(ceil(actual) - 1) < 1 - t.
  const low = Math.floor(actual);
  const high = Math.ceil(actual) - 1;
  const walk = pmfWalk(mean, disp);
  const ratio = walk.ratio;
  let pmf = walk.pmf;
  let cdf = pmf;
  let below = high < 0 ? 0 : Number.NaN;
  for (let k = 0; k < low; k++) {
    if (k === high) below = cdf;
    pmf *= ratio(k);
    cdf += pmf;
  }
  if (Number.isNaN(below)) below = cdf;
  return Math.max(0, Math.min(cdf, 1 - below));
}

/** Variance-to-mean ratio of recent non-missing values, kept in a range that still gives useful intervals. */
export function recentDispersion(values: ArrayLike<number>, window = 56): number {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = Math.max(0, values.length - window); i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n += 1;
    sum += v;
    sumSq += v * v;
  }
  if (n < 2 || sum <= 0) return 1;
  const mean = sum / n;
  const variance = (sumSq - n * mean * mean) / (n - 1);
  return Math.min(50, Math.max(1, variance / mean));
}
