import type { Pool } from '../../adapters/postgres/pool.js';
import {
  createForecastTrainingRepository,
  type TrainingInput,
} from '../../adapters/postgres/repositories/forecast-training.js';
import { shopQueryable, systemQueryable } from '../../adapters/postgres/tenant-scope.js';
import type { JobPublisher, QueuePayloads } from '../../adapters/queue/payloads.js';
import { addDays } from '../../core/inventory/local-date.js';
import { localDate } from '../../core/language/days.js';
import { logger } from '../../log.js';
import { storeShopElasticities } from '../advice/store-shop-elasticities.js';
import { buildDailySeries, type TrainingSeries } from './daily-series.js';
import { FORECAST_RECIPE, fingerprintOf, trainingJobId } from './forecast-recipe.js';
import type { ForecastingMetrics } from './forecasting-metrics.js';

// The features step of the nightly pipeline: the shop's ledger as daily series (zero-filled, stock-outs
// marked, prices), stored for the training job, which it then queues. Repeating it over the same data
// stores nothing new and queues nothing new (the training job's id carries the data's fingerprint).
// The same nightly pass stores each product's own price elasticity (what other shops' price advice pools
// per category); a rerun writes the same estimates again.

export interface BuildFeaturesDeps {
  pool: Pool;
  queue: JobPublisher;
  metrics?: ForecastingMetrics;
}

export interface BuildFeaturesResult {
  asOf: string;
  series: number;
  fingerprint?: string;
  changed: boolean;
  /** Products whose own price elasticity was identified and stored. */
  elasticities?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 'today' is the shop-local day at `at` (when the job was scheduled); anything else must be a day. */
export function resolveAsOf(asOf: string, timeZone: string, at: Date): string {
  if (asOf === 'today') return localDate(at, timeZone);
  if (!DAY.test(asOf)) throw new Error(`asOf must be 'today' or YYYY-MM-DD, got "${asOf}"`);
  return asOf;
}

/**
 * A shop with less than a year of sales has seen no festival yet: its global model then also trains on
 * other shops' long histories of the same categories, so it learns festival and weekday effects from them
 * (forecasts are still only written for the shop's own products).
 */
async function donorSeries(
  pool: Pool,
  shopId: number,
  own: readonly TrainingSeries[],
  from: string,
  lastDay: string,
): Promise<TrainingSeries[]> {
  const longest = Math.max(...own.map((s) => s.units.length));
  if (longest >= FORECAST_RECIPE.pooledBelowDays) return [];
  const categories = [...new Set(own.map((s) => s.category))];
  // The one read of other shops' books outside the conversation: anonymous daily unit series of the same
  // categories (no names, prices or phone numbers leave with them), listed in SECURITY.md.
  const donors = createForecastTrainingRepository(systemQueryable(pool, 'young-shop forecast donors'));
  const sales = await donors.donorSales(shopId, categories, from, lastDay, FORECAST_RECIPE.maxDonors);
  const products = new Map(sales.map((day) => [day.productId, day.category]));
  return buildDailySeries({
    products: [...products].map(([id, category]) => ({ id, category, pricePaise: 0, stock: 0 })),
    sales,
    stock: [],
    lastDay,
  });
}

export async function buildShopFeatures(
  deps: BuildFeaturesDeps,
  payload: QueuePayloads['features'],
  at: Date,
): Promise<BuildFeaturesResult> {
  const started = performance.now();
  const repository = createForecastTrainingRepository(shopQueryable(deps.pool, payload.shopId));
  const shop = await repository.shop(payload.shopId);
  if (!shop) {
    // A deleted shop's scheduled job: nothing to do, and retrying would not change that.
    logger.warn({ shopId: payload.shopId }, 'forecast features: no such shop');
    return { asOf: payload.asOf, series: 0, changed: false };
  }
  const asOf = resolveAsOf(payload.asOf, shop.timeZone, at);
  const lastDay = addDays(asOf, -1);
  const from = addDays(asOf, -FORECAST_RECIPE.historyDays);
  const [products, sales, stock] = await Promise.all([
    repository.products(shop.id),
    repository.dailySales(shop.id, from, lastDay),
    repository.stockDays(shop.id),
  ]);
  const series = buildDailySeries({ products, sales, stock, lastDay });
  if (series.length === 0) {
    logger.info({ shopId: shop.id, asOf }, 'forecast features: no sales yet, nothing to train');
    return { asOf, series: 0, changed: false };
  }
  const donors = await donorSeries(deps.pool, shop.id, series, from, lastDay);
  const input: TrainingInput = { stateCode: shop.stateCode, series, ...(donors.length ? { donors } : {}) };
  const fingerprint = fingerprintOf(input);
  const changed = await repository.saveTrainingSet(shop.id, {
    asOf,
    fingerprint,
    reason: payload.reason,
    input,
  });
  await deps.queue.publish(
    'training',
    { shopId: shop.id, asOf, reason: payload.reason },
    { jobId: trainingJobId(shop.id, asOf, fingerprint) },
  );
  const prices = await storeShopElasticities(deps.pool, { shop, today: asOf });
  const seconds = (performance.now() - started) / 1000;
  deps.metrics?.featuresSeconds.observe({ reason: payload.reason }, seconds);
  logger.info(
    {
      shopId: shop.id,
      asOf,
      reason: payload.reason,
      series: series.length,
      donors: donors.length,
      stockOutDays: series.reduce((n, s) => n + s.stockOuts.length, 0),
      changed,
      elasticities: prices.identified,
      seconds: Math.round(seconds * 1000) / 1000,
    },
    'forecast features built, training queued, elasticities stored',
  );
  return { asOf, series: series.length, fingerprint, changed, elasticities: prices.identified };
}
