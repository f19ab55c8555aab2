import { Counter, Histogram, type Registry } from 'prom-client';

// Progress of the forecast pipeline as Prometheus metrics. Labels are reasons and outcomes only, never a
// shop's name or phone. Registered once per registry (a second worker pool in one process reuses them).

export interface ForecastingMetrics {
  featuresSeconds: Histogram<'reason'>;
  trainingSeconds: Histogram<'reason'>;
  productsForecast: Counter<'reason'>;
  trainingRuns: Counter<'outcome'>;
}

function reuse<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function createForecastingMetrics(registry: Registry): ForecastingMetrics {
  return {
    featuresSeconds: reuse(
      registry,
      'billmitra_forecast_features_seconds',
      () =>
        new Histogram({
          name: 'billmitra_forecast_features_seconds',
          help: 'Time to build one shop’s forecasting features, by reason (nightly, import, manual)',
          labelNames: ['reason'],
          buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers: [registry],
        }),
    ),
    trainingSeconds: reuse(
      registry,
      'billmitra_forecast_training_seconds',
      () =>
        new Histogram({
          name: 'billmitra_forecast_training_seconds',
          help: 'Time to train and forecast one shop (backtests, global model, writes), by reason',
          labelNames: ['reason'],
          buckets: [0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300],
          registers: [registry],
        }),
    ),
    productsForecast: reuse(
      registry,
      'billmitra_forecast_products_total',
      () =>
        new Counter({
          name: 'billmitra_forecast_products_total',
          help: 'Products whose 56-day forecast was written, by reason',
          labelNames: ['reason'],
          registers: [registry],
        }),
    ),
    trainingRuns: reuse(
      registry,
      'billmitra_forecast_training_runs_total',
      () =>
        new Counter({
          name: 'billmitra_forecast_training_runs_total',
          help: 'Training jobs by outcome: trained, unchanged (version already trained), empty (no sales)',
          labelNames: ['outcome'],
          registers: [registry],
        }),
    ),
  };
}
