// Public API of the forecasting core. Everything in and out is plain data:
//
//   forecastSeries(input, deps?) -> Promise<ForecastResult[]>   (one result per input series, same order)
//
//   input.series   SeriesInput[]  { id, category?, points: { date 'YYYY-MM-DD', units, price?, inStock? }[] }
//                  A day with `inStock: false` is missing demand (not zero demand); days without a row are
//                  zero sales.
//   input.horizon  days to forecast (1..366); input.startDate defaults to the day after the latest point.
//   input.events   EventDay[] { date, event }: festivals (see defaultFestivalEvents) or any named events;
//                  their effects are learned by the global model from past occurrences.
//   deps.globalModel  a GlobalModelTrainer (src/adapters/ml/tf-quantile-mlp.ts); without it only the
//                  per-series models run. deps.peer  a PeerForecaster (src/adapters/ml/augurs-ets-peer.ts).
//
//   ForecastResult { seriesId, model, days: { date, mean, p10, p50, p90 }[], backtest: { origins,
//                  scores: { model, rmsse, coverage }[] }, explanation: { recentLevel, trend,
//                  festivalUpliftPct: { event, date, upliftPct }[], weekdayEffect[7] (Monday first), driver },
//                  confidence: 'high' | 'medium' | 'low', historyDays, modelForecasts? }
//
// `model` names: seasonal_naive, moving_average, ses, croston, tsb, ets_peer, global, or a 50/50 blend `a+b`.

export { intervalCoverage, naiveScale, rmsse } from './accuracy.js';
export { defaultFestivalEvents, mergeEvents } from './festival-events.js';
export { type ForecastDeps, type ForecastOptions, forecastSeries } from './forecast-series.js';
export type {
  GlobalModelTrainer,
  GlobalTrainOptions,
  PeerForecaster,
  TrainedGlobalModel,
  TrainingSet,
} from './model-ports.js';
export { CsvFormatError, formatForecastCsv, parseEventsCsv, parseSalesCsv } from './sales-csv.js';
export type {
  BacktestFigures,
  BacktestScore,
  Confidence,
  EventDay,
  Explanation,
  ForecastDay,
  ForecastResult,
  ModelForecast,
  ModelName,
  SalesPoint,
  SeriesInput,
} from './types.js';
