import type { Queryable } from '../../adapters/postgres/pool.js';
import { createProductsRepository } from '../../adapters/postgres/repositories/products.js';
import { createProductMatcher, type ProductMatcher } from '../../core/catalog/product-matcher.js';

// Building a matcher indexes a shop's ~150 products with all their spellings; doing it per message would
// cost more than the rest of the conversation. A cache entry lives until the shop's catalog version moves
// (a product or alias added), which is read with the shop row on every message anyway.

/** A product matcher over the shop's own products and the aliases it taught. */
export async function loadShopMatcher(db: Queryable, shopId: number): Promise<ProductMatcher> {
  const source = await createProductsRepository(db).matcherSource(shopId);
  return createProductMatcher({ products: source.products, aliases: source.aliases });
}

export interface ShopMatcherCache {
  /** The shop's matcher at `catalogVersion`, built only when that version was not seen yet. */
  get(db: Queryable, shop: { id: number; catalogVersion: number }): Promise<ProductMatcher>;
}

export function createShopMatcherCache(options: { maxShops?: number } = {}): ShopMatcherCache {
  const maxShops = options.maxShops ?? 500;
  const entries = new Map<number, { version: number; matcher: ProductMatcher }>();
  return {
    async get(db, shop) {
      const hit = entries.get(shop.id);
      if (hit && hit.version === shop.catalogVersion) {
        // Re-insert so the Map's order is least-recently-used first.
        entries.delete(shop.id);
        entries.set(shop.id, hit);
        return hit.matcher;
      }
      const matcher = await loadShopMatcher(db, shop.id);
      entries.delete(shop.id);
      entries.set(shop.id, { version: shop.catalogVersion, matcher });
      if (entries.size > maxShops) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return matcher;
    },
  };
}
