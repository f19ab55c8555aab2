import type { Queryable } from '../../adapters/postgres/pool.js';
import { createForecastStore, type SalesDay } from '../../adapters/postgres/repositories/forecast-store.js';
import { defaultFestivalEvents, forecastSeries } from '../../core/forecasting/index.js';
import { applyFestivalLift, type LiftWindow, type SalesHistory } from '../../core/inventory/festival-lift.js';
import { addDays, daysBetween } from '../../core/inventory/local-date.js';
import type { ForecastDay } from '../../core/inventory/types.js';
import { festivalLiftWindows } from './festival-windows.js';

// Daily demand per product for a range of shop-local days. The nightly job's stored quantiles come first;
// a product with nothing stored yet (a new shop, a job that has not run) is forecast on the spot from its
// own sales with the forecasting core, festivals laid on top, and marked as the less sure answer.

export interface ForecastProduct {
  /** products.id */
  id: number;
  category: string;
}

export interface ProductForecast {
  /** One day per date from `today` to `end` that a forecast covers (stored ranges may have gaps). */
  days: ForecastDay[];
  source: 'stored' | 'computed';
  /** Units a day over the last 28 days. */
  recentDailyAverage: number;
  /** Days of sales history the shop has for the product. */
  historyDays: number;
}

export interface ForecastRequest {
  shopId: number;
  stateCode: string | null;
  /** Shop-local today: the first forecast day. */
  today: string;
  end: string;
  products: readonly ForecastProduct[];
}

/** The narrow interface advice and alerts depend on. */
export interface ForecastProvider {
  forecast(request: ForecastRequest): Promise<Map<number, ProductForecast>>;
}

/** Long enough to hold last year's festival and the four weeks before it. */
const HISTORY_DAYS = 400;
const RECENT_DAYS = 28;

export function createForecastProvider(deps: { db: Queryable }): ForecastProvider {
  return {
    async forecast(request) {
      const store = createForecastStore(deps.db);
      const ids = request.products.map((p) => p.id);
      const from = addDays(request.today, -HISTORY_DAYS);
      const yesterday = addDays(request.today, -1);
      const [stored, sales] = await Promise.all([
        store.stored(request.shopId, ids, request.today, request.end),
        store.dailySales(request.shopId, ids, from, yesterday),
      ]);
      const histories = historiesByProduct(sales, yesterday);
      const out = new Map<number, ProductForecast>();
      const missing: ForecastProduct[] = [];
      for (const product of request.products) {
        const history = histories.get(product.id);
        const days = stored.get(product.id);
        if (days && days.length > 0) {
          out.set(product.id, { days, source: 'stored', ...historyFigures(history, request.today) });
        } else {
          missing.push(product);
        }
      }
      const computed = await computeForecasts(request, missing, histories);
      for (const [id, forecast] of computed) out.set(id, forecast);
      return out;
    },
  };
}

function historiesByProduct(sales: readonly SalesDay[], to: string): Map<number, SalesHistory> {
  const histories = new Map<number, SalesHistory & { units: Map<string, number> }>();
  for (const day of sales) {
    let history = histories.get(day.productId);
    if (!history) {
      // Rows are ordered by date, so the first one is where this product's history starts.
      history = { from: day.date, to, units: new Map() };
      histories.set(day.productId, history);
    }
    history.units.set(day.date, day.units);
  }
  return histories;
}

function historyFigures(history: SalesHistory | undefined, today: string) {
  if (!history) return { recentDailyAverage: 0, historyDays: 0 };
  let recent = 0;
  for (const [date, units] of history.units) if (daysBetween(date, today) <= RECENT_DAYS) recent += units;
  const historyDays = daysBetween(history.from, today);
  return { recentDailyAverage: recent / Math.min(RECENT_DAYS, Math.max(1, historyDays)), historyDays };
}

async function computeForecasts(
  request: ForecastRequest,
  products: readonly ForecastProduct[],
  histories: ReadonlyMap<number, SalesHistory>,
): Promise<Map<number, ProductForecast>> {
  const out = new Map<number, ProductForecast>();
  const horizon = Math.min(366, Math.max(1, daysBetween(request.today, request.end) + 1));
  const withSales = products.filter((p) => histories.has(p.id));
  for (const product of products) {
    if (histories.has(product.id)) continue;
    out.set(product.id, { days: [], source: 'computed', recentDailyAverage: 0, historyDays: 0 });
  }
  if (withSales.length === 0) return out;
  const year = Number(request.today.slice(0, 4));
  const results = await forecastSeries({
    series: withSales.map((product) => ({
      id: String(product.id),
      category: product.category,
      points: densePoints(histories.get(product.id)!),
    })),
    horizon,
    startDate: request.today,
    events: defaultFestivalEvents({ fromYear: year - 2, toYear: year + 1 }),
    backtestWindows: 1,
  });
  for (const [index, product] of withSales.entries()) {
    const history = histories.get(product.id)!;
    const result = results[index];
    const lifts: LiftWindow[] = festivalLiftWindows({
      today: request.today,
      end: request.end,
      stateCode: request.stateCode,
      category: product.category,
      history,
    }).map((w) => ({ start: w.start, end: w.end, factor: w.factor }));
    // A model that learned festival effects itself (the global one) must not have them added twice.
    const days = result?.model.includes('global')
      ? result.days
      : applyFestivalLift(result?.days ?? [], lifts);
    out.set(product.id, { days, source: 'computed', ...historyFigures(history, request.today) });
  }
  return out;
}

function densePoints(history: SalesHistory): Array<{ date: string; units: number }> {
  const points: Array<{ date: string; units: number }> = [];
  const count = daysBetween(history.from, history.to) + 1;
  for (let i = 0; i < count; i++) {
    const date = addDays(history.from, i);
    points.push({ date, units: history.units.get(date) ?? 0 });
  }
  return points;
}
