import type { Queryable } from '../../adapters/postgres/pool.js';
import type { AdviceProduct } from '../../adapters/postgres/repositories/advice-products.js';
import { createForecastStore } from '../../adapters/postgres/repositories/forecast-store.js';
import { festivalsBetween } from '../../core/festivals/index.js';
import { addDays, daysBetween, eachDay, weekdayOf } from '../../core/inventory/local-date.js';
import {
  defaultElasticityPrior,
  estimateElasticity,
  type PricedDay,
  type PriceSuggestion,
  shrinkElasticity,
  suggestPrice,
} from '../../core/pricing/index.js';
import { buyingWindow, calendarLift, shopFestivals } from './festival-windows.js';

// A price suggestion for one product from the shop's own sales: how its units moved when the shop changed
// the price (festival days marked so their spikes are not read as price response), pulled towards the
// usual response of packaged groceries when the shop has changed the price too rarely to tell.

const HISTORY_DAYS = 365;
const RECENT_DAYS = 28;

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
}

/** Null when the product has no cost recorded: without it there is no floor to keep. */
export async function priceAdvice(db: Queryable, input: PriceAdviceInput): Promise<PriceAdvice | null> {
  const { product, today } = input;
  if (product.costPaise === null) return null;
  const days = await pricedHistory(db, input);
  const own = ownElasticity(input, days);
  const pooled = shrinkElasticity(own, defaultElasticityPrior);
  const recent = days.filter((d) => daysBetween(d.date, today) <= RECENT_DAYS);
  const dailyUnits = recent.length > 0 ? recent.reduce((s, d) => s + d.units, 0) / RECENT_DAYS : 0;
  const peak = festivalPeak(input);
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
  });
  return { suggestion, festivalPeak: peak, ownWeight: pooled.ownWeight };
}

function ownElasticity(
  input: PriceAdviceInput,
  days: PricedDay[],
): { elasticity: number; se: number } | null {
  const week = addDays(input.today, -weekdayOf(input.today));
  const key = `${input.shop.id}|${input.product.id}|${input.product.pricePaise}|${week}`;
  const cached = input.cache?.get(key);
  if (cached !== undefined) return cached;
  const estimate = estimateElasticity(days);
  const own = estimate.identified ? { elasticity: estimate.elasticity, se: estimate.se } : null;
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
  const festive = festiveDays(first.date, yesterday, input.product.category);
  let price = first.pricePaise;
  return eachDay(first.date, yesterday).map((date) => {
    const sale = byDate.get(date);
    if (sale && sale.pricePaise > 0) price = sale.pricePaise;
    return { date, units: sale?.units ?? 0, price, festival: festive.has(date) };
  });
}

function festiveDays(from: string, to: string, category: string): Set<string> {
  const days = new Set<string>();
  for (const festival of festivalsBetween(Number(from.slice(0, 4)), Number(to.slice(0, 4)))) {
    if (calendarLift(festival.id, category) <= 1) continue;
    const window = buyingWindow(festival.id, festival.date);
    for (const day of eachDay(window.start, window.end)) days.add(day);
  }
  return days;
}
