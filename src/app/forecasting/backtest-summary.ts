import type { ForecastResult } from '../../core/forecasting/index.js';
import type { TrainingSeries } from './daily-series.js';

// A version's backtest figures for the registry: how the chosen forecasts and every candidate model did
// over the rolling-origin windows, across the shop's products. Numbers at the top level are what the
// dashboard's quality page compares versions by; `scores` is its per-model table (error first).

export interface VersionBacktest extends Record<string, unknown> {
  products: number;
  /** Revenue-weighted RMSSE of the chosen forecasts (the M5 way of weighting series). */
  wRMSSE: number;
  meanRMSSE: number;
  /** Share of backtest days inside the chosen forecasts' p10-p90. */
  coverage: number;
  lowConfidence: number;
  origins: string[];
  scores: Array<{ model: string; wRMSSE: number; meanRMSSE: number; coverage: number; series: number }>;
  chosen: Record<string, number>;
}

/** Units x price over the last 28 days (price 1 where unknown). */
function recentRevenue(series: TrainingSeries | undefined): number {
  if (!series) return 0;
  let total = 0;
  let price = 1;
  for (const p of series.prices) if (p !== null) price = p;
  for (let i = Math.max(0, series.units.length - 28); i < series.units.length; i++)
    total += series.units[i]! * (series.prices[i] ?? price);
  return total;
}

interface Acc {
  weighted: number;
  weight: number;
  sum: number;
  coverage: number;
  n: number;
}

function add(acc: Map<string, Acc>, model: string, rmsse: number, coverage: number, weight: number): void {
  if (!Number.isFinite(rmsse)) return;
  const a = acc.get(model) ?? { weighted: 0, weight: 0, sum: 0, coverage: 0, n: 0 };
  a.weighted += weight * rmsse;
  a.weight += weight;
  a.sum += rmsse;
  a.coverage += Number.isFinite(coverage) ? coverage : 0;
  a.n += 1;
  acc.set(model, a);
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function figures(a: Acc | undefined) {
  if (!a || a.n === 0) return { wRMSSE: Number.NaN, meanRMSSE: Number.NaN, coverage: Number.NaN };
  return {
    wRMSSE: round(a.weight > 0 ? a.weighted / a.weight : a.sum / a.n),
    meanRMSSE: round(a.sum / a.n),
    coverage: round(a.coverage / a.n),
  };
}

export function summariseBacktest(
  results: readonly ForecastResult[],
  series: readonly TrainingSeries[],
): VersionBacktest {
  const byId = new Map(series.map((s) => [String(s.productId), s]));
  const perModel = new Map<string, Acc>();
  const chosen = new Map<string, Acc>();
  const origins = new Set<string>();
  const counts: Record<string, number> = {};
  let lowConfidence = 0;
  for (const result of results) {
    const weight = recentRevenue(byId.get(result.seriesId));
    counts[result.model] = (counts[result.model] ?? 0) + 1;
    if (result.confidence === 'low') lowConfidence++;
    for (const origin of result.backtest.origins) origins.add(origin);
    for (const score of result.backtest.scores) {
      add(perModel, score.model, score.rmsse, score.coverage, weight);
      if (score.model === result.model) add(chosen, 'chosen', score.rmsse, score.coverage, weight);
    }
  }
  const scores = [...perModel]
    .map(([model, acc]) => ({ model, ...figures(acc), series: acc.n }))
    .sort((a, b) => a.wRMSSE - b.wRMSSE);
  return {
    products: results.length,
    ...figures(chosen.get('chosen')),
    lowConfidence,
    origins: [...origins].sort(),
    scores,
    chosen: counts,
  };
}
