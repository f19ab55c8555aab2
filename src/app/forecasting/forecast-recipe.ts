import { createHash } from 'node:crypto';

// How a shop's nightly forecaster is trained. The recipe is part of every version's fingerprint, so a
// change here trains new versions instead of being mistaken for the old ones.

export const FORECAST_RECIPE = {
  /** Days of forecasts stored per product, from the first forecast day (asOf). */
  horizon: 56,
  /** History loaded per product: two years for last year's festivals, plus the weeks before them. */
  historyDays: 2 * 365 + 56,
  /** Rolling-origin backtest windows (28 days each) the core chooses models by. */
  backtestWindows: 2,
  seed: 7,
  globalEpochs: 8,
  /**
   * Rows the global model trains on. A 50-product, two-year shop offers ~400k (origin, horizon) rows and
   * fitting them is most of the job's CPU: the core's default 60k took about twice the CPU of 30k there
   * (scripts/bench/nightly.ts), which kept the nightly job near its 10 s goal.
   */
  globalMaxRows: 25_000,
  /**
   * The shop-wide default model when the global one is trained. The backtest windows are the last eight
   * weeks, which rarely hold a big festival, so they cannot see what knowing festivals is worth: left to
   * themselves they often prefer a festival-blind blend, and the stored forecasts (which advice uses as
   * they are) would miss Diwali. A product's own best model still replaces it when it wins its backtest
   * by the core's margin (slow items, for instance).
   */
  preferredWithGlobal: 'global',
  /**
   * How much better (relative backtest error) a product's own best model must be to replace the global
   * one. Above the core's 0.2 for the same reason: a festival-blind model that won a festival-free
   * backtest by 20-30% (a flat snack, say) still misses the product's Diwali week entirely.
   */
  selectionMargin: 0.35,
  /** A shop whose longest history is shorter than this borrows other shops' series (see donorSeries). */
  pooledBelowDays: 365,
  maxDonors: 20,
  recipe: 'shop-forecast-r6',
} as const;

/** model_versions.model_kind of the nightly shop forecaster. */
export const SHOP_MODEL_KIND = 'shop_forecast';

export function fingerprintOf(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(FORECAST_RECIPE))
    .update(JSON.stringify(input))
    .digest('hex')
    .slice(0, 16);
}

/** A version names its first forecast day and the data it was trained on. */
export function versionName(asOf: string, fingerprint: string): string {
  return `${asOf}.${fingerprint.slice(0, 12)}`;
}

/**
 * BullMQ job ids (no ':' allowed). The training job of one features run over the same data gets the same
 * id however often the features job is retried, so it is queued once.
 */
export function trainingJobId(shopId: number, asOf: string, fingerprint: string): string {
  return `training-shop-${shopId}-${asOf}-${fingerprint.slice(0, 12)}`;
}

export function importFeaturesJobId(shopId: number, entryId: number): string {
  return `features-shop-${shopId}-import-${entryId}`;
}
