import { createAugursEtsPeer } from '../../../src/adapters/ml/augurs-ets-peer.js';
import type { GlobalModelTrainer, SeriesInput } from '../../../src/core/forecasting/index.js';
import {
  croston,
  movingAverage,
  seasonalNaive,
  ses,
  tsb,
} from '../../../src/core/forecasting/models/simple-models.js';

// Wall time of each per-series model over all series at one origin, and a trainer wrapper that
// accumulates the global model's training and prediction time inside a full forecast run.

export function timeBaseModels(series: SeriesInput[], horizon: number): Map<string, number> {
  const histories = series.map((s) => Float64Array.from(s.points.map((p) => p.units)));
  const peer = createAugursEtsPeer();
  const runs: [string, (h: Float64Array) => unknown][] = [
    ['seasonal_naive', (h) => seasonalNaive(h, horizon)],
    ['moving_average', (h) => movingAverage(h, horizon)],
    ['ses', (h) => ses(h, horizon)],
    ['croston', (h) => croston(h, horizon)],
    ['tsb', (h) => tsb(h, horizon)],
    ['ets_peer', (h) => peer.forecast(Array.from(h), horizon)],
  ];
  const out = new Map<string, number>();
  for (const [name, fn] of runs) {
    const t = performance.now();
    for (const h of histories) fn(h);
    out.set(name, performance.now() - t);
  }
  return out;
}

export function timedTrainer(inner: GlobalModelTrainer): {
  trainer: GlobalModelTrainer;
  elapsed: () => number;
  reset: () => void;
} {
  let ms = 0;
  const trainer: GlobalModelTrainer = {
    name: inner.name,
    async train(data, options) {
      const t = performance.now();
      const model = await inner.train(data, options);
      ms += performance.now() - t;
      return {
        async predict(features, rows) {
          const t2 = performance.now();
          const out = await model.predict(features, rows);
          ms += performance.now() - t2;
          return out;
        },
        dispose: () => model.dispose(),
      };
    },
  };
  return {
    trainer,
    elapsed: () => ms,
    reset: () => {
      ms = 0;
    },
  };
}
