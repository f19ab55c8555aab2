import { intervalCoverage, rmsse } from './accuracy.js';
import { blendBands } from './bands.js';
import type { ModelBands } from './base-models.js';
import type { BacktestFigures } from './types.js';

// Rolling-origin backtests: score every model and blend on past windows and choose per series (the
// intervals are calibrated on the same windows in interval-calibration.ts).

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

/**
 * Weights of a blend's members; equal unless listed. The global model gets a third next to the weekday
 * average: alone it scored 0.95-1.05 of the best M5 peer from one window and seed to the next while the
 * weekday average held 0.94-0.96. Over the last three M5 windows a third averaged 0.4-0.9% better than a
 * half for each of two seeds (up to 1.6% on the worst window, 0.6% worse on one window).
 */
const MEMBER_WEIGHTS: Record<string, number[]> = { 'global+weekday_ma': [1, 2] };

/** Each member's share of a model or blend named `a+b(+c)`. */
export function blendShares(name: string): Map<string, number> {
  const names = name.split('+');
  const weights = MEMBER_WEIGHTS[name] ?? names.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(names.map((n, i) => [n, weights[i]! / total]));
}

/** Adds the blends of the models present, named `a+b` (or `a+b+c`). */
export function withBlends(bands: ModelBands): ModelBands {
  const out: ModelBands = new Map(bands);
  for (const names of BLENDS) {
    const name = names.join('+');
    const parts = [...blendShares(name)].flatMap(([n, weight]) => {
      const band = bands.get(n);
      return band ? [{ band, weight }] : [];
    });
    if (parts.length === names.length) out.set(name, blendBands(parts));
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

/**
 * The model or blend with the lowest backtest RMSSE across all series, weighted by each series' recent
 * revenue (units x price; units alone without prices), so busy items count for more, as in M5. The
 * `incumbent` stays unless another beats it by more than `margin` (relative): with two windows, the
 * blend that happened to win them lost to the global model + weekday average blend on later M5 windows
 * by up to 2%, while that blend stayed within 1% of the best on every window tried.
 */
export function bestOverall(
  windowsBySeries: readonly (readonly BacktestWindow[])[],
  weights: readonly number[],
  incumbent: string,
  margin = 0,
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
  const scoreOf = (model: string) => {
    const t = totals.get(model);
    return t ? t.sum / t.weight : Number.POSITIVE_INFINITY;
  };
  let best = incumbent;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const model of totals.keys()) {
    if (scoreOf(model) < bestScore) {
      bestScore = scoreOf(model);
      best = model;
    }
  }
  return bestScore < scoreOf(incumbent) * (1 - margin) ? best : incumbent;
}
