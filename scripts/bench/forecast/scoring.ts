import type { ForecastResult, SeriesInput } from '../../../src/core/forecasting/index.js';
import { intervalCoverage, rmsse } from '../../../src/core/forecasting/index.js';

// Benchmark scores as the M5 README defines them: RMSSE per series, its plain mean, and the mean weighted
// by revenue (units x price) over the last 28 training days.

export interface ModelScore {
  model: string;
  meanRmsse: number;
  weightedRmsse: number;
  coverage: number;
}

export interface ScoredSeries {
  input: SeriesInput;
  actual: number[];
}

function revenueWeight(s: SeriesInput): number {
  let w = 0;
  for (const p of s.points.slice(-28)) w += p.units * (p.price ?? 0);
  return w;
}

export function scoreModels(data: ScoredSeries[], results: ForecastResult[], models: string[]): ModelScore[] {
  const weights = data.map((d) => revenueWeight(d.input));
  const histories = data.map((d) => d.input.points.map((p) => p.units));
  return models.map((model) => {
    let sum = 0;
    let n = 0;
    let wsum = 0;
    let wtot = 0;
    let inside = 0;
    let total = 0;
    results.forEach((r, i) => {
      const days = model === 'chosen' ? r.days : r.modelForecasts?.find((m) => m.model === model)?.days;
      if (!days) return;
      const actual = data[i]!.actual;
      const mean = days.map((d) => d.mean).slice(0, actual.length);
      const e = rmsse(actual, mean, histories[i]!);
      if (!Number.isFinite(e)) return;
      sum += e;
      n += 1;
      wsum += e * weights[i]!;
      wtot += weights[i]!;
      const c = intervalCoverage(
        actual,
        days.map((d) => d.p10),
        days.map((d) => d.p90),
      );
      inside += c.inside;
      total += c.total;
    });
    return { model, meanRmsse: sum / n, weightedRmsse: wsum / wtot, coverage: inside / total };
  });
}
