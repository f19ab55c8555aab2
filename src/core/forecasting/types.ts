// Plain-data shapes of the forecasting core. Everything here is serialisable so a model registry or a
// queue payload can carry it unchanged.

/** One day of one series. `inStock: false` marks a day whose zero (or low) sales say nothing about demand. */
export interface SalesPoint {
  date: string;
  units: number;
  price?: number;
  inStock?: boolean;
}

export interface SeriesInput {
  id: string;
  /** Used to pool effects across series, and as the prior for series with little history. */
  category?: string;
  points: SalesPoint[];
}

/** A named event on a day, e.g. `{ date: '2025-10-20', event: 'diwali' }`. */
export interface EventDay {
  date: string;
  event: string;
}

export type ModelName =
  | 'seasonal_naive'
  | 'moving_average'
  | 'ses'
  | 'croston'
  | 'tsb'
  | 'weekday_ma'
  | 'ets_peer'
  | 'global';

/** A point forecast with its quantiles, for every day of the horizon. */
export interface ForecastDay {
  date: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ModelForecast {
  model: string;
  days: ForecastDay[];
}

/** Per-model accuracy over the rolling-origin backtest of one series. */
export interface BacktestScore {
  model: string;
  /** Root mean squared scaled error averaged over the backtest origins (lower is better). */
  rmsse: number;
  /** Share of actual days inside [p10, p90]. */
  coverage: number;
}

export interface BacktestFigures {
  origins: string[];
  scores: BacktestScore[];
}

export interface Explanation {
  /** Mean daily units over the last 28 observed days. */
  recentLevel: number;
  /** Last 28 days over the 28 before, minus one (0.1 = +10%). */
  trend: number;
  /** Forecast uplift on event-affected days versus the same forecast with events removed, per event. */
  festivalUpliftPct: { event: string; date: string; upliftPct: number }[];
  /** Demand on each weekday relative to the weekly mean (index 0 = Monday). */
  weekdayEffect: number[];
  /** Which model (or blend) produced the forecast, in words a chat reply can reuse. */
  driver: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface ForecastResult {
  seriesId: string;
  /** The model or blend chosen by backtest, e.g. `global` or `global+moving_average`. */
  model: string;
  days: ForecastDay[];
  backtest: BacktestFigures;
  explanation: Explanation;
  confidence: Confidence;
  /** Days of usable history; short series lean on pooled/category effects. */
  historyDays: number;
  /** Every model's and blend's forecast, only when `includeModelForecasts` was asked for. */
  modelForecasts?: ModelForecast[];
}
