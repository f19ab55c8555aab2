import type { Queryable } from '../../adapters/postgres/pool.js';
import type { AdviceProduct } from '../../adapters/postgres/repositories/advice-products.js';
import { createRestockListsRepository } from '../../adapters/postgres/repositories/restock-lists.js';
import { computeRestock, type RestockAdvice } from '../../core/inventory/restock.js';
import type { DayWindow, ForecastDay, RestockProduct } from '../../core/inventory/types.js';
import type { ForecastProvider } from './forecast-provider.js';

// Restock advice for a set of products over a window, joining the restock core with the forecasts, the
// stock on hand and what is already on its way (orders sent from the chat and not yet logged as bought).

export interface AdviceDeps {
  db: Queryable;
  forecasts: ForecastProvider;
}

export interface PlannedRestock {
  product: AdviceProduct;
  advice: RestockAdvice;
  source: 'stored' | 'computed';
  historyDays: number;
  /** The forecast days behind the advice, from today on. */
  days: readonly ForecastDay[];
}

export interface RestockRequest {
  shop: { id: number; stateCode: string | null };
  today: string;
  now: Date;
  products: readonly AdviceProduct[];
  window: (product: AdviceProduct) => DayWindow;
  festivalId?: string;
}

/** Orders older than this are assumed to have arrived, logged or not. */
const ORDER_MEMORY_DAYS = 10;

export function restockProduct(product: AdviceProduct): RestockProduct {
  return {
    id: product.catalogId,
    unit: product.unit,
    packSize: product.packSize,
    category: product.category,
    pricePaise: product.pricePaise,
    costPaise: product.costPaise ?? product.pricePaise,
    ...(product.shelfLifeDays !== null ? { shelfLifeDays: product.shelfLifeDays } : {}),
  };
}

export async function planRestock(deps: AdviceDeps, request: RestockRequest): Promise<PlannedRestock[]> {
  if (request.products.length === 0) return [];
  const windows = new Map(request.products.map((p) => [p.id, request.window(p)]));
  // Dates as YYYY-MM-DD strings sort in time order.
  const end = [request.today, ...[...windows.values()].map((w) => w.end)].sort().at(-1) ?? request.today;
  const since = new Date(request.now.getTime() - ORDER_MEMORY_DAYS * 86_400_000);
  const [forecasts, ordered] = await Promise.all([
    deps.forecasts.forecast({
      shopId: request.shop.id,
      stateCode: request.shop.stateCode,
      today: request.today,
      end,
      products: request.products,
    }),
    createRestockListsRepository(deps.db).onOrder(request.shop.id, since),
  ]);
  return request.products.map((product) => {
    const forecast = forecasts.get(product.id);
    const advice = computeRestock({
      product: restockProduct(product),
      today: request.today,
      window: windows.get(product.id)!,
      leadTimeDays: product.leadTimeDays,
      stockOnHand: product.stock,
      stockOnOrder: product.onOrder + (ordered.get(product.id) ?? 0),
      forecast: forecast?.days ?? [],
      ...(forecast && forecast.historyDays > 0 ? { recentDailyAverage: forecast.recentDailyAverage } : {}),
      ...(request.festivalId ? { festivalId: request.festivalId } : {}),
    });
    return {
      product,
      advice,
      source: forecast?.source ?? 'computed',
      historyDays: forecast?.historyDays ?? 0,
      days: forecast?.days ?? [],
    };
  });
}
