// Point forecasts of the classical baselines. Each takes an unbroken history (no NaN) ending the day
// before the first forecast day and returns `horizon` values.

export function seasonalNaive(history: ArrayLike<number>, horizon: number, period = 7): number[] {
  const n = history.length;
  if (n === 0) return new Array<number>(horizon).fill(0);
  const out: number[] = [];
  for (let h = 0; h < horizon; h++) {
    const back = n >= period ? period - (h % period) : n - (h % n);
    out.push(history[n - back]!);
  }
  return out;
}

export function movingAverage(history: ArrayLike<number>, horizon: number, window = 28): number[] {
  const n = history.length;
  let s = 0;
  const from = Math.max(0, n - window);
  for (let i = from; i < n; i++) s += history[i]!;
  const level = n > from ? s / (n - from) : 0;
  return new Array<number>(horizon).fill(level);
}

/** Simple exponential smoothing with the smoothing weight chosen by one-step in-sample error. */
export function ses(history: ArrayLike<number>, horizon: number): number[] {
  const n = history.length;
  if (n === 0) return new Array<number>(horizon).fill(0);
  let best = { sse: Number.POSITIVE_INFINITY, level: history[n - 1]! };
  for (let alpha = 0.02; alpha <= 0.5001; alpha += 0.02) {
    let level = initialLevel(history);
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const e = history[i]! - level;
      sse += e * e;
      level += alpha * e;
    }
    if (sse < best.sse) best = { sse, level };
  }
  return new Array<number>(horizon).fill(best.level);
}

function initialLevel(history: ArrayLike<number>): number {
  let s = 0;
  const k = Math.min(7, history.length);
  for (let i = 0; i < k; i++) s += history[i]!;
  return k ? s / k : 0;
}

/** Classic Croston: smoothed non-zero size over smoothed interval between sales. */
export function croston(history: ArrayLike<number>, horizon: number, alpha = 0.1): number[] {
  let size = Number.NaN;
  let interval = Number.NaN;
  let gap = 1;
  for (let i = 0; i < history.length; i++) {
    const v = history[i]!;
    if (v > 0) {
      if (Number.isNaN(size)) {
        size = v;
        interval = gap;
      } else {
        size += alpha * (v - size);
        interval += alpha * (gap - interval);
      }
      gap = 1;
    } else gap += 1;
  }
  const level = Number.isNaN(size) ? 0 : size / interval;
  return new Array<number>(horizon).fill(level);
}

/**
 * Teunter-Syntetos-Babai: smooths the probability of a sale every day, so an item that stops selling
 * decays towards zero instead of keeping its old rate as Croston does.
 */
export function tsb(history: ArrayLike<number>, horizon: number, alpha = 0.1, beta = 0.05): number[] {
  let prob = Number.NaN;
  let size = Number.NaN;
  for (let i = 0; i < history.length; i++) {
    const v = history[i]!;
    if (Number.isNaN(prob)) {
      if (v <= 0) continue;
      prob = 1 / (i + 1);
      size = v;
      continue;
    }
    prob += beta * ((v > 0 ? 1 : 0) - prob);
    if (v > 0) size += alpha * (v - size);
  }
  const level = Number.isNaN(prob) ? 0 : prob * size;
  return new Array<number>(horizon).fill(level);
}

/**
 * The mean of the last five weeks times the series' weekday profile over the last 24 weeks. The profile is
 * shrunk toward flat for slow items, whose weekday means are mostly noise. Five whole weeks and 24 weeks
 * (rather than 28 days and 12 weeks) scored better on every M5 window tried, blended or alone: a level
 * and a profile that move less with one odd week.
 */
export function weekdayMovingAverage(
  history: ArrayLike<number>,
  horizon: number,
  window = 168,
  levelWindow = 35,
): number[] {
  const n = history.length;
  const level = movingAverage(history, 1, levelWindow)[0]!;
  const from = Math.max(0, n - window);
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  let total = 0;
  for (let i = from; i < n; i++) {
    sums[(n - i) % 7]! += history[i]!;
    counts[(n - i) % 7]! += 1;
    total += history[i]!;
  }
  const overall = total / Math.max(1, n - from);
  const trust = total / (total + 100);
  const out: number[] = [];
  for (let h = 0; h < horizon; h++) {
    // Position n + h is (7 - h % 7) % 7 steps after a day whose distance from n is a multiple of 7.
    const key = ((-h % 7) + 7) % 7;
    const factor = overall > 0 && counts[key]! > 0 ? sums[key]! / counts[key]! / overall : 1;
    out.push(level * (1 + trust * (factor - 1)));
  }
  return out;
}
