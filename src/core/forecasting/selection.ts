import { intervalCoverage, rmsse } from './accuracy.js';
import { type Band, blendBands, scaleInterval } from './bands.js';
import type { ModelBands } from './base-models.js';
import type { BacktestFigures } from './types.js';

// Rolling-origin backtests: score every model and blend on past windows, choose per series, and
// calibrate interval width across series so p10-p90 holds about 80% of outcomes.

export interface BacktestWindow {
  origin: string;
  actual: number[];
  history: Float64Array;
  bands: ModelBands;
}

const BLENDS: string[][] = [
  ['global', 'weekday_ma', 'tsb'],
  ['global', 'moving_average'],
  ['global', 'ets_peer'],
  ['global', 'tsb'],
  ['ets_peer', 'moving_average'],
  ['global', 'weekday_ma'],
  ['weekday_ma', 'tsb'],
];

/** Adds equal-weight blends of the models present, named `a+b` (or `a+b+c`). */
export function withBlends(bands: ModelBands): ModelBands {
  const out: ModelBands = new Map(bands);
  for (const names of BLENDS) {
    const parts = names.flatMap((n) => {
      const band = bands.get(n);
      return band ? [{ band, weight: 1 }] : [];
    });
    if (parts.length === names.length) out.set(names.join('+'), blendBands(parts));
  }
  return out;
}

export function backtestFigures(windows: readonly BacktestWindow[]): BacktestFigures {
  const names = windows.length ? [...windows[0]!.bands.keys()] : [];
  const scores = names.map((model) => {
    let sum = 0;
    let n = 0;
    let inside = 0;
    let total = 0;
    for (const w of windows) {
      const band = w.bands.get(model);
      if (!band) continue;
      const e = rmsse(w.actual, band.mean, w.history);
      if (Number.isFinite(e)) {
        sum += e;
        n += 1;
      }
      const c = intervalCoverage(w.actual, band.p10, band.p90);
      inside += c.inside;
      total += c.total;
    }
    return { model, rmsse: n ? sum / n : Number.NaN, coverage: total ? inside / total : Number.NaN };
  });
  return { origins: windows.map((w) => w.origin), scores };
}

/**
 * The preferred model unless another beat it on the backtests by more than `margin` (relative): one or
 * two windows are noisy, so switching needs a clear win.
 */
export function chooseModel(figures: BacktestFigures, preferred: string, margin: number): string {
  const pref = figures.scores.find((s) => s.model === preferred);
  if (!pref || !Number.isFinite(pref.rmsse)) return preferred;
  let best = pref;
  for (const s of figures.scores) if (Number.isFinite(s.rmsse) && s.rmsse < best.rmsse) best = s;
  return best.rmsse < pref.rmsse * (1 - margin) ? best.model : preferred;
}

/** Per model, the interval stretch whose backtest coverage across all series is closest to `target`. */
export function calibrateIntervals(
  windowsBySeries: readonly (readonly BacktestWindow[])[],
  target = 0.8,
): Map<string, number> {
  const factors = new Map<string, number>();
  const names = new Set<string>();
  for (const ws of windowsBySeries) for (const w of ws) for (const k of w.bands.keys()) names.add(k);
  for (const name of names) {
    let bestK = 1;
    let bestGap = Number.POSITIVE_INFINITY;
    for (let k = 0.5; k <= 3.0001; k += 0.05) {
      let inside = 0;
      let total = 0;
      for (const ws of windowsBySeries) {
        for (const w of ws) {
          const band = w.bands.get(name);
          if (!band) continue;
          const s = scaleInterval(band, k);
          const c = intervalCoverage(w.actual, s.p10, s.p90);
          inside += c.inside;
          total += c.total;
        }
      }
      if (total === 0) break;
      const gap = Math.abs(inside / total - target);
      if (gap < bestGap - 1e-9) {
        bestGap = gap;
        bestK = k;
      }
    }
    factors.set(name, bestK);
  }
  return factors;
}

export function calibrated(band: Band, factor: number | undefined): Band {
  return factor === undefined || factor === 1 ? band : scaleInterval(band, factor);
}

/**
 * The model or blend with the lowest backtest RMSSE across all series, weighted by each series' recent
 * revenue (units x price; units alone without prices), so busy items count for more, as in M5.
 */
export function bestOverall(
  windowsBySeries: readonly (readonly BacktestWindow[])[],
  weights: readonly number[],
  fallback: string,
): string {
  const totals = new Map<string, { sum: number; weight: number }>();
  windowsBySeries.forEach((ws, i) => {
    const w = weights[i] ?? 0;
    if (w <= 0) return;
    for (const s of backtestFigures(ws).scores) {
      if (!Number.isFinite(s.rmsse)) continue;
      const t = totals.get(s.model) ?? { sum: 0, weight: 0 };
      t.sum += w * s.rmsse;
      t.weight += w;
      totals.set(s.model, t);
    }
  });
  let best = fallback;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const [model, t] of totals) {
    const score = t.sum / t.weight;
    if (score < bestScore) {
      bestScore = score;
      best = model;
    }
  }
  return best;
}
