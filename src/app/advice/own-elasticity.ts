import type { Queryable } from '../../adapters/postgres/pool.js';
import { createForecastStore } from '../../adapters/postgres/repositories/forecast-store.js';
import {
  createPriceElasticitiesRepository,
  type StoredElasticity,
} from '../../adapters/postgres/repositories/price-elasticities.js';
import type { ProductCategory } from '../../core/festivals/index.js';
import { addDays, eachDay } from '../../core/inventory/local-date.js';
import { estimateElasticity, festivalWindows, type PricedDay } from '../../core/pricing/index.js';

// A product's own price response from the shop's sales, and storing it where other shops' price advice
// reads it as their category's evidence. Price advice and the nightly step both come through here, so a
// stored estimate is the one the chat would make on that day from the same history.

export const PRICE_HISTORY_DAYS = 365;

export interface ElasticityShop {
  id: number;
  stateCode: string | null;
}

export interface ElasticityProduct {
  id: number;
  category: string;
}

/**
 * Each product's days from its first sale in the last PRICE_HISTORY_DAYS up to yesterday, in one query.
 * Days without a sale sold nothing at the price last charged; each festival's buying window is named so
 * its spike gets its own level instead of being read as price response. Products with no sale are absent.
 */
export async function pricedHistories(
  db: Queryable,
  shop: ElasticityShop,
  products: readonly ElasticityProduct[],
  today: string,
): Promise<Map<number, PricedDay[]>> {
  const yesterday = addDays(today, -1);
  const sales = await createForecastStore(db).dailySales(
    shop.id,
    products.map((product) => product.id),
    addDays(today, -PRICE_HISTORY_DAYS),
    yesterday,
  );
  const byProduct = new Map<number, typeof sales>();
  for (const sale of sales) {
    const own = byProduct.get(sale.productId);
    if (own) own.push(sale);
    else byProduct.set(sale.productId, [sale]);
  }
  const histories = new Map<number, PricedDay[]>();
  for (const product of products) {
    const own = byProduct.get(product.id);
    const first = own?.[0];
    if (!own || !first) continue;
    const byDate = new Map(own.map((s) => [s.date, s]));
    const windows = namedWindows(first.date, yesterday, product.category, shop.stateCode);
    let price = first.pricePaise;
    const days = eachDay(first.date, yesterday).map((date): PricedDay => {
      const sale = byDate.get(date);
      if (sale && sale.pricePaise > 0) price = sale.pricePaise;
      const festivalId = windows.get(date);
      return { date, units: sale?.units ?? 0, price, ...(festivalId ? { festivalId } : {}) };
    });
    histories.set(product.id, days);
  }
  return histories;
}

/**
 * Estimates the product's own elasticity and stores it (or removes a stored one it no longer supports,
 * so a product whose price stopped moving stops speaking for its category). Null when not identified.
 */
export async function estimateAndStore(
  db: Queryable,
  input: { shopId: number; product: ElasticityProduct; days: readonly PricedDay[]; today: string },
): Promise<StoredElasticity | null> {
  const estimate = estimateElasticity(input.days);
  const own = estimate.identified ? { elasticity: estimate.elasticity, se: estimate.se } : null;
  await createPriceElasticitiesRepository(db).save({
    shopId: input.shopId,
    productId: input.product.id,
    category: input.product.category,
    estimate: own,
    date: input.today,
  });
  return own;
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
