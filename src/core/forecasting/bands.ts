import { countQuantiles, recentDispersion } from './count-quantiles.js';

// A forecast over a horizon as parallel arrays: the working form inside the core, turned into
// ForecastDay rows only at the end.

export interface Band {
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
}

/**
 * Wraps a point forecast with count quantiles. The dispersion comes from the series' own recent days, so
 * lumpy items get wide intervals and steady ones narrow.
 */
export function bandFromPoints(points: readonly number[], history: ArrayLike<number>): Band {
  const dispersion = recentDispersion(history);
  const band: Band = { mean: [], p10: [], p50: [], p90: [] };
  for (const raw of points) {
    const m = Math.max(0, Number.isFinite(raw) ? raw : 0);
    const [q10, q50, q90] = countQuantiles(m, dispersion, [0.1, 0.5, 0.9]);
    band.mean.push(m);
    band.p10.push(q10!);
    band.p50.push(q50!);
    band.p90.push(q90!);
  }
  return band;
}

/** Weighted average of bands, quantile by quantile (a cheap, monotone approximation of a mixture). */
export function blendBands(parts: readonly { band: Band; weight: number }[]): Band {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  const length = parts[0]?.band.mean.length ?? 0;
  const out: Band = { mean: [], p10: [], p50: [], p90: [] };
  for (const key of ['mean', 'p10', 'p50', 'p90'] as const) {
    for (let h = 0; h < length; h++) {
      let s = 0;
      for (const p of parts) s += p.band[key][h]! * p.weight;
      out[key].push(s / total);
    }
  }
  return out;
}
