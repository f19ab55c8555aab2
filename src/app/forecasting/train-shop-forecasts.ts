import type { Pool } from '../../adapters/postgres/pool.js';
import { createForecastTrainingRepository } from '../../adapters/postgres/repositories/forecast-training.js';
import {
  createForecastWrites,
  type ExplanationRow,
  type ForecastDayRow,
} from '../../adapters/postgres/repositories/forecast-writes.js';
import { createModelRegistry } from '../../adapters/postgres/repositories/model-registry.js';
import { shopQueryable, withShopTransaction } from '../../adapters/postgres/tenant-scope.js';
import type { QueuePayloads } from '../../adapters/queue/payloads.js';
import {
  defaultFestivalEvents,
  type ForecastDeps,
  type ForecastResult,
  forecastSeries,
} from '../../core/forecasting/index.js';
import { logger } from '../../log.js';
import { summariseBacktest } from './backtest-summary.js';
import { toSeriesInput } from './daily-series.js';
import { FORECAST_RECIPE, SHOP_MODEL_KIND, versionName } from './forecast-recipe.js';
import type { ForecastingMetrics } from './forecasting-metrics.js';

// The training step: the forecasting core over the stored features (backtests choose per product, the
// global model learns weekday, payday, price and festival effects across the shop's products), then one
// transaction that registers the version and writes 56 days of quantiles and an explanation per product.
// The version is named by the data's fingerprint: a version already registered means this exact run
// happened, so a retry or a second job returns without training or writing anything.

export interface TrainForecastsDeps {
  pool: Pool;
  /** The global model and statistical peer; loaded lazily by the job, absent in per-series-only runs. */
  models: () => Promise<ForecastDeps>;
  metrics?: ForecastingMetrics;
}

export type TrainOutcome = 'trained' | 'unchanged' | 'missing';

export interface TrainForecastsResult {
  outcome: TrainOutcome;
  version?: string;
  modelVersionId?: number;
  products: number;
  forecastRows: number;
  seconds: number;
}

function explanationOf(result: ForecastResult, version: string): Record<string, unknown> {
  return {
    ...result.explanation,
    confidence: result.confidence,
    historyDays: result.historyDays,
    model: result.model,
    modelVersion: version,
  };
}

export async function trainShopForecasts(
  deps: TrainForecastsDeps,
  payload: QueuePayloads['training'],
): Promise<TrainForecastsResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started) / 1000;
  const set = await createForecastTrainingRepository(shopQueryable(deps.pool, payload.shopId)).trainingSet(
    payload.shopId,
    payload.asOf,
  );
  if (!set) {
    // Pruned or never built (the shop had no sales): the next features run queues a fresh job.
    logger.warn({ shopId: payload.shopId, asOf: payload.asOf }, 'forecast training: no features stored');
    deps.metrics?.trainingRuns.inc({ outcome: 'missing' });
    return { outcome: 'missing', products: 0, forecastRows: 0, seconds: elapsed() };
  }
  const version = versionName(set.asOf, set.fingerprint);
  const registry = createModelRegistry(shopQueryable(deps.pool, payload.shopId));
  const existing = await registry.find(payload.shopId, SHOP_MODEL_KIND, version);
  if (existing) {
    logger.info({ shopId: payload.shopId, asOf: set.asOf, version }, 'forecast version already trained');
    deps.metrics?.trainingRuns.inc({ outcome: 'unchanged' });
    return { outcome: 'unchanged', version, products: 0, forecastRows: 0, seconds: elapsed() };
  }

  const { series, stateCode } = set.input;
  const donors = set.input.donors ?? [];
  const firstYear = Math.min(...[...series, ...donors].map((s) => Number(s.start.slice(0, 4))));
  const lastYear = Number(set.asOf.slice(0, 4)) + 1;
  const models = await deps.models();
  const pooled = await forecastSeries(
    {
      series: [...series, ...donors].map(toSeriesInput),
      horizon: FORECAST_RECIPE.horizon,
      startDate: set.asOf,
      events: defaultFestivalEvents({
        fromYear: firstYear - 1,
        toYear: lastYear,
        ...(stateCode ? { state: stateCode } : {}),
      }),
      backtestWindows: FORECAST_RECIPE.backtestWindows,
      seed: FORECAST_RECIPE.seed,
      globalEpochs: FORECAST_RECIPE.globalEpochs,
      globalMaxRows: FORECAST_RECIPE.globalMaxRows,
      ...(models.globalModel
        ? {
            preferredModel: FORECAST_RECIPE.preferredWithGlobal,
            selectionMargin: FORECAST_RECIPE.selectionMargin,
          }
        : {}),
    },
    models,
  );
  // Results come in input order: the shop's own products first, then the borrowed series.
  const results = pooled.slice(0, series.length);
  const fitSeconds = elapsed();
  const backtest = summariseBacktest(results, series);
  const days: ForecastDayRow[] = results.flatMap((result) =>
    result.days.map((day) => ({
      productId: Number(result.seriesId),
      targetDate: day.date,
      modelKind: result.model,
      mean: day.mean,
      p10: day.p10,
      p50: day.p50,
      p90: day.p90,
    })),
  );
  const explanations: ExplanationRow[] = results.map((result) => ({
    productId: Number(result.seriesId),
    explanation: explanationOf(result, version),
  }));

  const written = await withShopTransaction(deps.pool, payload.shopId, async (client) => {
    const writes = createForecastWrites(client);
    await writes.lockShop(payload.shopId);
    const id = await createModelRegistry(client).register({
      shopId: payload.shopId,
      modelKind: SHOP_MODEL_KIND,
      version,
      trainingRows: series.reduce((n, s) => n + s.units.length, 0),
      params: {
        asOf: set.asOf,
        reason: payload.reason,
        fingerprint: set.fingerprint,
        recipe: FORECAST_RECIPE,
        globalModel: models.globalModel?.name ?? null,
        peer: models.peer?.name ?? null,
        donors: donors.length,
        fitSeconds,
      },
      backtest,
    });
    // Another worker registered the same version while this one trained: its rows stand.
    if (id === undefined) return undefined;
    const rows = await writes.upsertDays(payload.shopId, set.asOf, id, days);
    await writes.upsertExplanations(payload.shopId, set.asOf, explanations);
    return { id, rows };
  });

  const seconds = elapsed();
  if (!written) {
    deps.metrics?.trainingRuns.inc({ outcome: 'unchanged' });
    return { outcome: 'unchanged', version, products: 0, forecastRows: 0, seconds };
  }
  deps.metrics?.trainingRuns.inc({ outcome: 'trained' });
  deps.metrics?.trainingSeconds.observe({ reason: payload.reason }, seconds);
  deps.metrics?.productsForecast.inc({ reason: payload.reason }, results.length);
  logger.info(
    {
      shopId: payload.shopId,
      asOf: set.asOf,
      reason: payload.reason,
      version,
      products: results.length,
      donors: donors.length,
      forecastRows: written.rows,
      wRMSSE: backtest.wRMSSE,
      coverage: backtest.coverage,
      lowConfidence: backtest.lowConfidence,
      chosen: backtest.chosen,
      fitSeconds,
      seconds,
    },
    'forecasts trained and stored',
  );
  return {
    outcome: 'trained',
    version,
    modelVersionId: written.id,
    products: results.length,
    forecastRows: written.rows,
    seconds,
  };
}
