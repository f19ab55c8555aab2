import { mulberry32 as seededRandom } from '../simulation/seeded-random.js';
import { naiveScale } from './accuracy.js';
import {
  baselineRatio,
  type FeatureLayout,
  originScale,
  type SeriesContext,
  targetRatio,
  writeFeatures,
} from './features.js';
import type { GlobalModelTrainer, TrainedGlobalModel, TrainingSet } from './model-ports.js';

// Builds the pooled training set (every series, many past origins, direct horizons) and turns the
// model's scaled outputs back into units.

export const GLOBAL_QUANTILES = [0.1, 0.5, 0.9];

export interface GlobalTrainingOptions {
  layout: FeatureLayout;
  contexts: readonly SeriesContext[];
  /** Only targets before this index (per series, counted from the common end) are used. */
  cutoffFromEnd: number;
  horizon: number;
  maxRows: number;
  seed: number;
  /**
   * 'revenue' weights each row like its share of the revenue-weighted RMSSE (recent revenue over the
   * series' naive error scale, times the origin level squared); 'none' treats rows alike.
   */
  weighting?: 'revenue' | 'none';
  /** Awaited between chunks of rows (see ForecastDeps.pause). */
  pause?: () => Promise<void>;
}

function seriesWeight(ctx: SeriesContext, cutoff: number): number {
  const { units, price } = ctx.frame;
  let revenue = 0;
  for (let i = Math.max(0, cutoff - 28); i < cutoff; i++) {
    const u = units[i]!;
    const p = price[i]!;
    if (!Number.isNaN(u)) revenue += u * (Number.isFinite(p) ? p : 1);
  }
  return revenue / naiveScale(ctx.filled.subarray(0, cutoff));
}

function normaliseWeights(w: Float32Array): void {
  const cap = (mean: number) => mean * 20;
  for (let pass = 0; pass < 2; pass++) {
    let sum = 0;
    for (const v of w) sum += v;
    const mean = sum / Math.max(1, w.length);
    if (!(mean > 0)) {
      w.fill(1);
      return;
    }
    for (let i = 0; i < w.length; i++)
      w[i] = Math.min(w[i]! / mean, pass === 0 ? cap(1) : Number.POSITIVE_INFINITY);
  }
}

/** History a series needs at an origin before it teaches the model anything. */
const MIN_HISTORY = 14;

export async function buildTrainingSet(options: GlobalTrainingOptions): Promise<TrainingSet> {
  const { layout, contexts, horizon, seed } = options;
  const rand = seededRandom(seed);
  const candidates: { s: number; origin: number; h: number }[] = [];
  for (const [s, ctx] of contexts.entries()) {
    if (s % 16 === 15) await options.pause?.();
    const cutoff = ctx.frame.units.length - options.cutoffFromEnd;
    // Short series contribute every origin; long ones a weekly grid with a random phase.
    const step = cutoff < 120 ? 1 : cutoff < 400 ? 3 : 5;
    const phase = Math.floor(rand() * step);
    for (let origin = MIN_HISTORY + phase; origin < cutoff; origin += step) {
      for (let h = 1; h <= horizon && origin + h - 1 < cutoff; h++) {
        const v = ctx.frame.units[origin + h - 1]!;
        if (!Number.isNaN(v)) candidates.push({ s, origin, h });
      }
    }
  }
  // Reservoir-free subsample: shuffle prefix selection keeps rows from every series and horizon.
  const rows = Math.min(options.maxRows, candidates.length);
  for (let i = 0; i < rows; i++) {
    const j = i + Math.floor(rand() * (candidates.length - i));
    const tmp = candidates[i]!;
    candidates[i] = candidates[j]!;
    candidates[j] = tmp;
  }
  const width = layout.width;
  const features = new Float32Array(rows * width);
  const targets = new Float32Array(rows);
  const weights = new Float32Array(rows);
  const base = contexts.map((ctx) => seriesWeight(ctx, ctx.frame.units.length - options.cutoffFromEnd));
  await options.pause?.();
  for (let r = 0; r < rows; r++) {
    if (r % 4096 === 4095) await options.pause?.();
    const { s, origin, h } = candidates[r]!;
    const ctx = contexts[s]!;
    writeFeatures(layout, ctx, origin, h, features, r * width);
    targets[r] = targetRatio(ctx, origin, origin + h - 1) - baselineRatio(ctx, origin);
    weights[r] = base[s]! * originScale(ctx, origin) ** 2;
  }
  if (options.weighting === 'none') weights.fill(1);
  else normaliseWeights(weights);
  return { features, targets, rows, width, weights };
}

export interface GlobalPrediction {
  mean: number[];
  quantiles: number[][];
}

export interface PredictOptions {
  layout: FeatureLayout;
  contexts: readonly SeriesContext[];
  /** Origin index per context (history length used). */
  origins: readonly number[];
  horizon: number;
  /** Zero the event columns: the same forecast as if no event were near. */
  withoutEvents?: boolean;
}

export async function predictGlobal(
  model: TrainedGlobalModel,
  options: PredictOptions,
): Promise<GlobalPrediction[]> {
  const { layout, contexts, origins, horizon } = options;
  const width = layout.width;
  const rows = contexts.length * horizon;
  const features = new Float32Array(rows * width);
  contexts.forEach((ctx, s) => {
    for (let h = 1; h <= horizon; h++) {
      const offset = (s * horizon + h - 1) * width;
      writeFeatures(layout, ctx, origins[s]!, h, features, offset);
      if (options.withoutEvents) features.fill(0, offset + layout.eventOffset, offset + width);
    }
  });
  const out = await model.predict(features, rows);
  const k = 1 + GLOBAL_QUANTILES.length;
  return contexts.map((ctx, s) => {
    const scale = originScale(ctx, origins[s]!);
    const baseline = baselineRatio(ctx, origins[s]!);
    const mean: number[] = [];
    const quantiles: number[][] = [];
    for (let h = 0; h < horizon; h++) {
      const base = (s * horizon + h) * k;
      mean.push(Math.max(0, out[base]! + baseline) * scale);
      const qs: number[] = [];
      for (let q = 1; q < k; q++) qs.push(Math.max(0, out[base + q]! + baseline) * scale);
      qs.sort((a, b) => a - b);
      quantiles.push(qs);
    }
    return { mean, quantiles };
  });
}

/**
 * Trains `members` models (default 1), each on its own seeded row sample, and averages their outputs: one
 * small MLP moves several points between seeds and windows on M5; averaging is the cheap way to test
 * whether that spread, not the features, limits the blends.
 */
export async function trainGlobal(
  trainer: GlobalModelTrainer,
  options: GlobalTrainingOptions & { epochs: number; members?: number },
): Promise<TrainedGlobalModel | undefined> {
  const models: TrainedGlobalModel[] = [];
  for (let m = 0; m < Math.max(1, options.members ?? 1); m++) {
    const seed = options.seed + 1009 * m;
    const data = await buildTrainingSet({ ...options, seed });
    if (data.rows < 200) break;
    models.push(await trainer.train(data, { quantiles: GLOBAL_QUANTILES, seed, epochs: options.epochs }));
  }
  if (models.length <= 1) return models[0];
  return {
    async predict(features, rows) {
      const outs = await Promise.all(models.map((model) => model.predict(features, rows)));
      const sum = new Float32Array(outs[0]!.length);
      for (const out of outs) for (let i = 0; i < out.length; i++) sum[i]! += out[i]!;
      for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! / outs.length;
      return sum;
    },
    dispose: () => {
      for (const model of models) model.dispose();
    },
  };
}
