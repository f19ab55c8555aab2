import type { Pool } from '../../adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import { withShopTransaction } from '../../adapters/postgres/tenant-scope.js';
import { addDays } from '../../core/inventory/local-date.js';
import {
  type ElasticityShop,
  estimateAndStore,
  PRICE_HISTORY_DAYS,
  pricedHistories,
} from './own-elasticity.js';

// The nightly price step: every product the shop sold in the last year gets its own elasticity estimated
// and stored, not only the ones somebody asked the price of. Other shops' advice pools a category from
// these rows (and only from recent ones), so without this step the prior would grow only as fast as
// owners ask. The same estimate as the chat's on that day, upserted per product: a rerun changes nothing.

export interface StoredElasticities {
  /** Products with sales before `today` in the history window. */
  products: number;
  /** Of those, how many had enough price movement for an estimate (the rest had theirs removed). */
  identified: number;
}

export async function storeShopElasticities(
  pool: Pool,
  input: { shop: ElasticityShop; today: string },
): Promise<StoredElasticities> {
  const { shop, today } = input;
  return withShopTransaction(pool, shop.id, async (db) => {
    const since = addDays(today, -PRICE_HISTORY_DAYS);
    const products = await createAdviceProductsRepository(db).soldSince(shop.id, since);
    const histories = await pricedHistories(db, shop, products, today);
    let identified = 0;
    for (const product of products) {
      const days = histories.get(product.id);
      if (!days) continue;
      const own = await estimateAndStore(db, { shopId: shop.id, product, days, today });
      if (own) identified += 1;
    }
    return { products: histories.size, identified };
  });
}
