import { type Band, bandFromPoints } from './bands.js';
import type { PeerForecaster } from './model-ports.js';
import {
  croston,
  movingAverage,
  seasonalNaive,
  ses,
  tsb,
  weekdayMovingAverage,
} from './models/simple-models.js';
import type { ModelName } from './types.js';

// Runs every per-series model at one origin. The history is already imputed (no NaN).

export type ModelBands = Map<ModelName | string, Band>;

export function runBaseModels(history: Float64Array, horizon: number, peer?: PeerForecaster): ModelBands {
  const out: ModelBands = new Map();
  const add = (name: ModelName, points: number[]) => out.set(name, bandFromPoints(points, history));
  add('seasonal_naive', seasonalNaive(history, horizon));
  add('moving_average', movingAverage(history, horizon));
  add('ses', ses(history, horizon));
  add('croston', croston(history, horizon));
  add('tsb', tsb(history, horizon));
  add('weekday_ma', weekdayMovingAverage(history, horizon));
  if (peer) add('ets_peer', peer.forecast(Array.from(history), horizon));
  return out;
}
