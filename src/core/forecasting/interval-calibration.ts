import type { Band } from './bands.js';
import { countQuantiles, outcomeRank, recentDispersion } from './count-quantiles.js';
import type { BacktestWindow } from './selection.js';

// p10-p90 bands calibrated on the backtests. Every model's band is the count distribution around its own
// mean (the series' recent dispersion), and the tail probability is set so that the band would have held
// 80% of the backtest outcomes. Stretching each model's own quantiles instead left coverage swinging
// between 71% and 90% from one M5 window to the next: the global model's quantile heads, trained mostly
// on the busy items, were narrow for slow items in one window and wide in the next.

const TARGET_COVERAGE = 0.8;
/** Tail of a band no backtest could calibrate: the nominal p10/p90. */
const NOMINAL_TAIL = 0.1;
/** Fewer backtest outcomes than this say too little about a model's tails. */
const MIN_OUTCOMES = 100;

/** Per model, the tail probability whose count bands would have held `target` of the backtest outcomes. */
export function calibrateTails(
  windowsBySeries: readonly (readonly BacktestWindow[])[],
  target = TARGET_COVERAGE,
): Map<string, number> {
  const ranks = new Map<string, number[]>();
  for (const windows of windowsBySeries) {
    for (const w of windows) {
      const dispersion = recentDispersion(w.history);
      for (const [model, band] of w.bands) {
        const list = ranks.get(model) ?? [];
        w.actual.forEach((actual, h) => {
          if (!Number.isNaN(actual)) list.push(outcomeRank(band.mean[h]!, dispersion, actual));
        });
        ranks.set(model, list);
      }
    }
  }
  const tails = new Map<string, number>();
  for (const [model, list] of ranks) {
    if (list.length < MIN_OUTCOMES) continue;
    list.sort((a, b) => a - b);
    const tail = list[Math.floor((1 - target) * list.length)]!;
    // An interval needs some width, and a tail past 0.45 would put p10 above the median.
    tails.set(model, Math.min(0.45, Math.max(0.02, tail)));
  }
  return tails;
}

/** The band of a point forecast: count quantiles at `tail`, 0.5 and 1 - `tail`. */
export function countBand(mean: readonly number[], history: ArrayLike<number>, tail = NOMINAL_TAIL): Band {
  const dispersion = recentDispersion(history);
  const band: Band = { mean: [], p10: [], p50: [], p90: [] };
  for (const m of mean) {
    const [low, mid, high] = countQuantiles(m, dispersion, [tail, 0.5, 1 - tail]);
    band.mean.push(m);
    band.p10.push(low!);
    band.p50.push(mid!);
    band.p90.push(high!);
  }
  return band;
}
