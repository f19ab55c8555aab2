import type { Queryable } from '../../adapters/postgres/pool.js';
import type { AdviceProduct } from '../../adapters/postgres/repositories/advice-products.js';
import { createForecastStore } from '../../adapters/postgres/repositories/forecast-store.js';
import { createPriceElasticitiesRepository } from '../../adapters/postgres/repositories/price-elasticities.js';
import { createProductBatchesRepository } from '../../adapters/postgres/repositories/product-batches.js';
import type { ProductCategory } from '../../core/festivals/index.js';
import { type ExpiryRisk, expiryRisk } from '../../core/inventory/expiry.js';
import { addDays, daysBetween, eachDay, weekdayOf } from '../../core/inventory/local-date.js';
import {
  estimateElasticity,
  festivalWindows,
  type PricedDay,
  type PriceSuggestion,
  poolWithCategory,
  suggestPrice,
} from '../../core/pricing/index.js';
import { buyingWindow, calendarLift, shopFestivals } from './festival-windows.js';

// A price suggestion for one product from the shop's own sales: how its units moved when the shop changed
// the price (each festival's buying window given its own level so its spike is not read as price
// response), pulled towards what other shops' estimates for the same category show when the shop has
// changed the price too rarely to tell (poolWithCategory; the price bench measures exactly this path).

const HISTORY_DAYS = 365;
const RECENT_DAYS = 28;
/** Other shops' estimates older than this no longer speak for the category. */
const CATEGORY_EVIDENCE_DAYS = 180;

export interface PriceAdviceInput {
  shop: { id: number; stateCode: string | null; minMarginBp: number };
  product: AdviceProduct;
  today: string;
  /** Estimates reused within a week: a year of history moves little from one day to the next. */
  cache?: ElasticityCache;
}

export type ElasticityCache = Map<string, { elasticity: number; se: number } | null>;

const CACHE_LIMIT = 20_000;

export interface PriceAdvice {
  suggestion: PriceSuggestion;
  festivalPeak: { festivalId: string } | null;
  /** Share of the answer from the shop's own price changes (0..1). */
  ownWeight: number;
  /** The first batch to expire, when some of it will not sell in time (what a clearance is for). */
  expiry: ExpiryRisk | null;
}

/** Null when the product has no cost recorded: without it there is no floor to keep. */
export async function priceAdvice(db: Queryable, input: PriceAdviceInput): Promise<PriceAdvice | null> {
  const { product, today } = input;
  if (product.costPaise === null) return null;
  const days = await pricedHistory(db, input);
  const own = await ownElasticity(db, input, days);
  const otherShops = await createPriceElasticitiesRepository(db).otherShops(
    input.shop.id,
    product.category,
    addDays(today, -CATEGORY_EVIDENCE_DAYS),
  );
  const pooled = poolWithCategory(own, otherShops);
  const recent = days.filter((d) => daysBetween(d.date, today) <= RECENT_DAYS);
  const dailyUnits = recent.length > 0 ? recent.reduce((s, d) => s + d.units, 0) / RECENT_DAYS : 0;
  const peak = festivalPeak(input);
  const expiry = await expiringStock(db, input, dailyUnits);
  const suggestion = suggestPrice({
    productId: product.catalogId,
    currentPricePaise: product.pricePaise,
    costPaise: product.costPaise,
    mrpPaise: product.mrpPaise ?? product.pricePaise,
    minMarginFraction: input.shop.minMarginBp / 10_000,
    dailyUnits,
    elasticity: pooled,
    festivalPeak: peak !== null,
    stockOnHand: product.stock,
    ...(expiry ? { daysToExpiry: expiry.daysToExpiry, expiringStock: expiry.units } : {}),
  });
  return { suggestion, festivalPeak: peak, ownWeight: pooled.ownWeight, expiry };
}

/**
 * The product's first batch to expire from today on, when part of it will not sell before then at the
 * recent daily rate (the last RECENT_DAYS days, as the price suggestion uses).
 */
export async function expiringStock(
  db: Queryable,
  input: Pick<PriceAdviceInput, 'shop' | 'product' | 'today'>,
  dailyUnits?: number,
): Promise<ExpiryRisk | null> {
  const { product, today } = input;
  const batch = (
    await createProductBatchesRepository(db).firstToExpire(input.shop.id, [product.id], today)
  ).get(product.id);
  if (!batch) return null;
  const rate = dailyUnits ?? (await recentDailyUnits(db, input.shop.id, product.id, today));
  const risk = expiryRisk({ today, batch, stockOnHand: product.stock, dailyUnits: rate });
  return risk && risk.unsold > 0 ? risk : null;
}

async function ownElasticity(
  db: Queryable,
  input: PriceAdviceInput,
  days: PricedDay[],
): Promise<{ elasticity: number; se: number } | null> {
  const week = addDays(input.today, -weekdayOf(input.today));
  const key = `${input.shop.id}|${input.product.id}|${input.product.pricePaise}|${week}`;
  const cached = input.cache?.get(key);
  if (cached !== undefined) return cached;
  const estimate = estimateElasticity(days);
  const own = estimate.identified ? { elasticity: estimate.elasticity, se: estimate.se } : null;
  await createPriceElasticitiesRepository(db).save({
    shopId: input.shop.id,
    productId: input.product.id,
    category: input.product.category,
    estimate: own,
    date: input.today,
  });
  if (input.cache) {
    if (input.cache.size >= CACHE_LIMIT) input.cache.clear();
    input.cache.set(key, own);
  }
  return own;
}

/** Demand is peaking when today is inside the buying window of a festival that lifts the category. */
function festivalPeak(input: PriceAdviceInput): { festivalId: string } | null {
  for (const festival of shopFestivals(input.today, 21, input.shop.stateCode)) {
    const window = buyingWindow(festival.id, festival.date);
    if (input.today >= window.start && calendarLift(festival.id, input.product.category) > 1)
      return { festivalId: festival.id };
  }
  return null;
}

// Every day from the first sale on: days without a sale sold nothing at the price last charged.
async function pricedHistory(db: Queryable, input: PriceAdviceInput): Promise<PricedDay[]> {
  const yesterday = addDays(input.today, -1);
  const sales = await createForecastStore(db).dailySales(
    input.shop.id,
    [input.product.id],
    addDays(input.today, -HISTORY_DAYS),
    yesterday,
  );
  const first = sales[0];
  if (!first) return [];
  const byDate = new Map(sales.map((s) => [s.date, s]));
  const windows = namedWindows(first.date, yesterday, input.product.category, input.shop.stateCode);
  let price = first.pricePaise;
  return eachDay(first.date, yesterday).map((date) => {
    const sale = byDate.get(date);
    if (sale && sale.pricePaise > 0) price = sale.pricePaise;
    const festivalId = windows.get(date);
    return { date, units: sale?.units ?? 0, price, ...(festivalId ? { festivalId } : {}) };
  });
}

function namedWindows(from: string, to: string, category: string, state: string | null): Map<string, string> {
  const options = { category: category as ProductCategory };
  if (state) {
    try {
      return festivalWindows(from, to, { ...options, state });
    } catch {
      // An unknown state code: better every festival than none.
    }
  }
  return festivalWindows(from, to, options);
}

async function recentDailyUnits(
  db: Queryable,
  shopId: number,
  productId: number,
  today: string,
): Promise<number> {
  const sales = await createForecastStore(db).dailySales(
    shopId,
    [productId],
    addDays(today, -RECENT_DAYS),
    addDays(today, -1),
  );
  return sales.reduce((sum, day) => sum + day.units, 0) / RECENT_DAYS;
}
