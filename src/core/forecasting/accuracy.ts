// Accuracy measures as the M5 competition defines them, shared by backtests and the benchmark.

/**
 * Root mean squared scaled error: forecast MSE over the in-sample MSE of the one-step naive forecast,
 * counted from the first non-zero sale. Unknown actuals (NaN) are skipped.
 */
export function rmsse(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  history: ArrayLike<number>,
): number {
  const denominator = naiveScale(history);
  let n = 0;
  let s = 0;
  for (let h = 0; h < actual.length; h++) {
    const a = actual[h]!;
    if (Number.isNaN(a)) continue;
    const e = a - forecast[h]!;
    s += e * e;
    n += 1;
  }
  if (n === 0) return Number.NaN;
  return Math.sqrt(s / n / denominator);
}

/** In-sample mean squared one-step naive difference; 1 when the series never changed (avoids 0/0). */
export function naiveScale(history: ArrayLike<number>): number {
  let start = 0;
  while (start < history.length && !(history[start]! > 0)) start++;
  let n = 0;
  let s = 0;
  for (let i = start + 1; i < history.length; i++) {
    const a = history[i]!;
    const b = history[i - 1]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    s += (a - b) ** 2;
    n += 1;
  }
  return n > 0 && s > 0 ? s / n : 1;
}

/** Share of known actuals inside [lower, upper]. */
export function intervalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): { inside: number; total: number } {
  let inside = 0;
  let total = 0;
  for (let h = 0; h < actual.length; h++) {
    const a = actual[h]!;
    if (Number.isNaN(a)) continue;
    total += 1;
    if (a >= lower[h]! - 1e-9 && a <= upper[h]! + 1e-9) inside += 1;
  }
  return { inside, total };
}
