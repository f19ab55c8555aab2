import type { Queryable } from '../../adapters/postgres/pool.js';
import type { AdviceProduct } from '../../adapters/postgres/repositories/advice-products.js';
import { createForecastStore } from '../../adapters/postgres/repositories/forecast-store.js';
import { createPriceElasticitiesRepository } from '../../adapters/postgres/repositories/price-elasticities.js';
import { createProductBatchesRepository } from '../../adapters/postgres/repositories/product-batches.js';
import { type ExpiryRisk, expiryRisk } from '../../core/inventory/expiry.js';
import { addDays, daysBetween, weekdayOf } from '../../core/inventory/local-date.js';
import {
  type PricedDay,
  type PriceSuggestion,
  poolWithCategory,
  suggestPrice,
} from '../../core/pricing/index.js';
import { buyingWindow, calendarLift, shopFestivals } from './festival-windows.js';
import { estimateAndStore, pricedHistories } from './own-elasticity.js';

// A price suggestion for one product from the shop's own sales: how its units moved when the shop changed
// the price (own-elasticity.ts, which the nightly step stores for every product too), pulled towards what other shops' estimates for the same category show when the shop has
// changed the price too rarely to tell (poolWithCategory; the price bench measures exactly this path).

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
  const days = (await pricedHistories(db, input.shop, [product], today)).get(product.id) ?? [];
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
  const own = await estimateAndStore(db, {
    shopId: input.shop.id,
    product: input.product,
    days,
    today: input.today,
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
