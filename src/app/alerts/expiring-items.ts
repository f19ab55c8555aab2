import type { Queryable } from '../../adapters/postgres/pool.js';
import {
  type AdviceProduct,
  createAdviceProductsRepository,
} from '../../adapters/postgres/repositories/advice-products.js';
import { createProductBatchesRepository } from '../../adapters/postgres/repositories/product-batches.js';
import type { ExpiringItem } from '../../core/alerts/types.js';
import { addDays } from '../../core/inventory/local-date.js';
import { type ElasticityCache, expiringStock, priceAdvice } from '../advice/price-suggestion.js';

// The morning's 'expiring soon' list: stock in a batch that expires within EXPIRY_ALERT_DAYS and will not
// sell before then, with the clearance price the chat would suggest for it (the same priceAdvice call).

/** A batch is worth an alert this many days before it expires (a kirana's dairy and bread horizon). */
export const EXPIRY_ALERT_DAYS = 3;

export async function expiringItems(
  db: Queryable,
  request: {
    shop: { id: number; stateCode: string | null; minMarginBp: number };
    today: string;
    elasticities?: ElasticityCache;
  },
): Promise<{ items: ExpiringItem[]; products: AdviceProduct[] }> {
  const { shop, today } = request;
  const ids = await createProductBatchesRepository(db).productsExpiringBetween(
    shop.id,
    today,
    addDays(today, EXPIRY_ALERT_DAYS),
  );
  if (ids.length === 0) return { items: [], products: [] };
  const products = await createAdviceProductsRepository(db).byIds(shop.id, ids);
  const items: ExpiringItem[] = [];
  for (const product of products) {
    const risk = await expiringStock(db, { shop, product, today });
    if (!risk || risk.daysToExpiry > EXPIRY_ALERT_DAYS) continue;
    const advice = await priceAdvice(db, {
      shop,
      product,
      today,
      ...(request.elasticities ? { cache: request.elasticities } : {}),
    });
    const clearance = advice?.suggestion.reasons.includes('near-expiry') ? advice.suggestion : null;
    items.push({
      productId: product.catalogId,
      expiresOn: risk.expiresOn,
      daysToExpiry: risk.daysToExpiry,
      units: risk.units,
      expectedSales: risk.expectedSales,
      ...(clearance && clearance.pricePaise < clearance.currentPricePaise
        ? { clearancePricePaise: clearance.pricePaise }
        : {}),
    });
  }
  return { items, products };
}
