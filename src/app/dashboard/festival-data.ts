import type { Queryable } from '../../adapters/postgres/pool.js';
import { createDashboardQueries } from '../../adapters/postgres/repositories/dashboard-queries.js';
import { festivalById, upcomingFestivals } from '../../core/festivals/index.js';
import { addDays, computeRestock, daysBetween, type RestockAdvice } from '../../core/inventory/index.js';
import { demandDays, recentDailyAverage, restockProduct } from './demand-inputs.js';
import type { Viewer } from './sessions.js';

// Festivals of the next two months that matter in the shop's state, each with what to order for it: the
// products whose category the festival lifts, sized by the restock core over the buying window.

export const FESTIVAL_HORIZON_DAYS = 60;
const MAX_ITEMS = 12;

export interface FestivalRestockItem {
  productId: number;
  names: { en: string; hi: string };
  unit: string;
  advice: RestockAdvice;
  /** Some days of the window had no stored forecast and were estimated from the recent average. */
  estimated: boolean;
}

export interface FestivalEntry {
  id: string;
  date: string;
  names: { en: string; hi: string };
  daysAway: number;
  windowStart: string;
  items: FestivalRestockItem[];
}

export async function festivalsData(db: Queryable, viewer: Viewer): Promise<FestivalEntry[]> {
  const { today, shop } = viewer;
  const festivals = upcomingFestivals(
    today,
    FESTIVAL_HORIZON_DAYS,
    shop.stateCode ? { state: shop.stateCode } : undefined,
  );
  if (festivals.length === 0) return [];
  const queries = createDashboardQueries(db);
  const lastDay = addDays(today, FESTIVAL_HORIZON_DAYS + 10);
  const [products, stored] = await Promise.all([
    queries.products(viewer.shopId, today),
    queries.forecasts(viewer.shopId, today, lastDay),
  ]);
  const selling = products.filter((product) => product.units28 > 0);
  return festivals.map((festival): FestivalEntry => {
    const definition = festivalById(festival.id);
    const uplift = (definition?.uplift ?? {}) as Record<string, number | undefined>;
    const end = addDays(festival.date, Math.max(1, definition?.durationDays ?? 1) - 1);
    const windowStart = addDays(festival.date, -(definition?.buyingWindowDays ?? 0));
    // Days of the buying window already past are not ordered for any more.
    const start = [windowStart, today].sort()[1] ?? today;
    const items = selling
      .filter((product) => (uplift[product.category] ?? 0) > 0)
      .map((product): FestivalRestockItem => {
        const lift = uplift[product.category] ?? 0;
        const recent = recentDailyAverage(product);
        const leadTimeDays = product.leadTimeDays ?? shop.leadTimeDays;
        const demand = demandDays(
          stored.filter((row) => row.productId === product.id),
          today,
          end,
          recent,
          (date) => (date >= start && date <= end ? lift : 0),
        );
        const advice = computeRestock({
          product: restockProduct(product),
          today,
          window: { start, end },
          leadTimeDays,
          stockOnHand: product.stock,
          stockOnOrder: product.onOrder,
          forecast: demand.days,
          recentDailyAverage: recent,
          festivalId: festival.id,
        });
        return {
          productId: product.id,
          names: product.names,
          unit: product.unit,
          advice,
          estimated: demand.filled > 0,
        };
      })
      .filter((item) => item.advice.orderUnits > 0)
      .sort((a, b) => b.advice.windowDemand.mean - a.advice.windowDemand.mean)
      .slice(0, MAX_ITEMS);
    return {
      id: festival.id,
      date: festival.date,
      names: { en: definition?.names.en ?? festival.name, hi: definition?.names.hi ?? festival.name },
      daysAway: daysBetween(today, festival.date),
      windowStart,
      items,
    };
  });
}
