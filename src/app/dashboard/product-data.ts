import type { Queryable } from '../../adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import {
  createDashboardQueries,
  type ProductSummaryRow,
} from '../../adapters/postgres/repositories/dashboard-queries.js';
import { festivalById, festivalsBetween } from '../../core/festivals/index.js';
import {
  addDays,
  assessStockCover,
  computeRestock,
  daysBetween,
  eachDay,
  nextDaysWindow,
  type RestockAdvice,
  type StockCover,
} from '../../core/inventory/index.js';
import type { PriceSuggestion } from '../../core/pricing/index.js';
import { priceAdvice } from '../advice/price-suggestion.js';
import { demandDays, recentDailyAverage, restockProduct } from './demand-inputs.js';
import type { Viewer } from './sessions.js';

// One product's page: its recent daily sales, the stored forecast ahead with its p10-p90 band, festival
// days on both, stock cover, and the restock and price advice of the cores with what drives them. The
// price is the chat's own priceAdvice (category pooling, festival windows, expiring batches), so the page
// and "Maggi ka rate kya rakhun?" never disagree about the same product on the same day.

export const HISTORY_DAYS = 90;
export const FORECAST_DAYS = 28;
const REVIEW_PERIOD_DAYS = 7;
const RESTOCK_DAYS = 7;

export interface ProductPageData {
  product: ProductSummaryRow;
  history: Array<{ date: string; units: number }>;
  forecast: Array<{ date: string; p10: number; p50: number; p90: number }>;
  festivals: Array<{ id: string; date: string; names: { en: string; hi: string } }>;
  cover: StockCover;
  restock: RestockAdvice;
  /** Absent when the product has no known cost, and for staff (it is built on the margin). */
  price?: PriceSuggestion;
  explanation?: Record<string, unknown>;
  modelKind?: string;
}

export type ProductAccess = { ok: true; data: ProductPageData } | { ok: false; status: 403 | 404 };

/** The page data when the product exists and is the viewer's shop's; 403 for another shop's product. */
export async function productPageFor(
  db: Queryable,
  viewer: Viewer,
  productId: number | undefined,
): Promise<ProductAccess> {
  const owner = productId ? await createDashboardQueries(db).productShop(productId) : undefined;
  if (!productId || owner === undefined) return { ok: false, status: 404 };
  if (owner !== viewer.shopId) return { ok: false, status: 403 };
  const data = await productPageData(db, viewer, productId);
  return data ? { ok: true, data } : { ok: false, status: 404 };
}

export async function productPageData(
  db: Queryable,
  viewer: Viewer,
  productId: number,
): Promise<ProductPageData | undefined> {
  const queries = createDashboardQueries(db);
  const [product] = await queries.products(viewer.shopId, viewer.today, productId);
  if (!product) return undefined;
  const today = viewer.today;
  const historyFrom = addDays(today, -HISTORY_DAYS);
  const forecastTo = addDays(today, FORECAST_DAYS - 1);
  const [units, stored, explanation] = await Promise.all([
    queries.dailyUnits(productId, historyFrom, addDays(today, -1)),
    queries.forecasts(viewer.shopId, today, forecastTo, productId),
    queries.explanation(viewer.shopId, productId),
  ]);
  const unitsByDate = new Map(units.map((row) => [row.date, row]));
  const history = eachDay(historyFrom, addDays(today, -1)).map((date) => ({
    date,
    units: unitsByDate.get(date)?.units ?? 0,
  }));
  const recent = recentDailyAverage(product);
  const leadTimeDays = product.leadTimeDays ?? viewer.shop.leadTimeDays;

  const ahead = demandDays(stored, today, forecastTo, recent).days;
  const cover = assessStockCover({
    stockOnHand: product.stock,
    stockOnOrder: product.onOrder,
    dailyMeans: ahead.map((day) => day.mean),
    leadTimeDays,
    reviewPeriodDays: REVIEW_PERIOD_DAYS,
  });
  const restock = computeRestock({
    product: restockProduct(product),
    today,
    window: nextDaysWindow(today, RESTOCK_DAYS, leadTimeDays),
    leadTimeDays,
    stockOnHand: product.stock,
    stockOnOrder: product.onOrder,
    forecast: stored,
    recentDailyAverage: recent,
  });

  const data: ProductPageData = {
    product,
    history,
    forecast: stored.map(({ date, p10, p50, p90 }) => ({ date, p10, p50, p90 })),
    festivals: festivalMarkers(historyFrom, forecastTo, viewer.shop.stateCode, product.category),
    cover,
    restock,
  };
  if (explanation) data.explanation = explanation;
  if (stored[0]) data.modelKind = stored[0].modelKind;
  if (viewer.seesProfit && product.costPaise !== null) {
    const price = await suggestedPrice(db, viewer, productId);
    if (price) data.price = price;
  }
  return data;
}

// Only festivals that lift this product's category, and of those close together (Dhanteras, Diwali,
// Bhai Dooj) only the strongest: a phone-wide chart has room for a few labels, not a dozen.
const MARKER_SPACING_DAYS = 21;

function festivalMarkers(
  from: string,
  to: string,
  state: string | null,
  category: string,
): ProductPageData['festivals'] {
  const years = [Number(from.slice(0, 4)), Number(to.slice(0, 4))] as const;
  const lifting = festivalsBetween(years[0], years[1], state ? { state } : undefined)
    .filter((festival) => festival.date >= from && festival.date <= to)
    .map((festival) => {
      const definition = festivalById(festival.id);
      const lift = (definition?.uplift as Record<string, number | undefined> | undefined)?.[category] ?? 0;
      return { festival, definition, lift };
    })
    .filter((entry) => entry.lift > 0)
    .sort((a, b) => b.lift - a.lift);
  const kept: typeof lifting = [];
  for (const entry of lifting) {
    const crowded = kept.some(
      (other) => Math.abs(daysBetween(other.festival.date, entry.festival.date)) < MARKER_SPACING_DAYS,
    );
    if (!crowded) kept.push(entry);
  }
  return kept
    .sort((a, b) => a.festival.date.localeCompare(b.festival.date))
    .map(({ festival, definition }) => ({
      id: festival.id,
      date: festival.date,
      names: { en: definition?.names.en ?? festival.name, hi: definition?.names.hi ?? festival.name },
    }));
}

async function suggestedPrice(
  db: Queryable,
  viewer: Viewer,
  productId: number,
): Promise<PriceSuggestion | undefined> {
  const [product] = await createAdviceProductsRepository(db).byIds(viewer.shopId, [productId]);
  if (!product) return undefined;
  const { stateCode, minMarginBp } = viewer.shop;
  const shop = { id: viewer.shopId, stateCode, minMarginBp };
  const advice = await priceAdvice(db, { shop, product, today: viewer.today });
  return advice?.suggestion;
}
