import type { Queryable } from '../../adapters/postgres/pool.js';
import { createProductsRepository } from '../../adapters/postgres/repositories/products.js';
import { createProductMatcher, type ProductMatcher } from '../../core/catalog/product-matcher.js';

// Building a matcher indexes a shop's ~150 products with all their spellings; doing it per message would
// cost more than the rest of the conversation. A cache entry lives until the shop's catalog version moves
// (a product or alias added), which is read with the shop row on every message anyway.
//
// Most shops keep the default catalog, so their matchers are identical: matchers are shared by content
// (and version), which turns a cold shop's 5-20 ms build into one small query (the catalog's fingerprint,
// computed by PostgreSQL), and lets the per-shop cache hold thousands of shops for the memory of a few
// matchers (measured with 1,000 bench shops, where a 500-shop cache of private matchers rebuilt on every
// other message). The products are fetched only for a fingerprint not seen yet.

/** A product matcher over the shop's own products and the aliases it taught. */
export async function loadShopMatcher(db: Queryable, shopId: number): Promise<ProductMatcher> {
  const source = await createProductsRepository(db).matcherSource(shopId);
  return createProductMatcher({ products: source.products, aliases: source.aliases });
}

export interface ShopMatcherCache {
  /** The shop's matcher at `catalogVersion`, built only when that version was not seen yet. */
  get(db: Queryable, shop: { id: number; catalogVersion: number }): Promise<ProductMatcher>;
}

export function createShopMatcherCache(
  options: { maxShops?: number; maxShared?: number } = {},
): ShopMatcherCache {
  const maxShops = options.maxShops ?? 5_000;
  const maxShared = options.maxShared ?? 200;
  const entries = new Map<number, { version: number; matcher: ProductMatcher }>();
  const shared = new Map<string, ProductMatcher>();
  return {
    async get(db, shop) {
      const hit = entries.get(shop.id);
      if (hit && hit.version === shop.catalogVersion) {
        // Re-insert so the Map's order is least-recently-used first.
        entries.delete(shop.id);
        entries.set(shop.id, hit);
        return hit.matcher;
      }
      const products = createProductsRepository(db);
      let key = `${shop.catalogVersion}:${await products.matcherFingerprint(shop.id)}`;
      let matcher = shared.get(key);
      if (!matcher) {
        // Keyed by the fingerprint read with the products: a word taught in between must not reach the
        // other shops that share the earlier key.
        const source = await products.matcherSource(shop.id);
        key = `${shop.catalogVersion}:${source.fingerprint}`;
        matcher =
          shared.get(key) ?? createProductMatcher({ products: source.products, aliases: source.aliases });
      }
      shared.delete(key);
      shared.set(key, matcher);
      entries.delete(shop.id);
      entries.set(shop.id, { version: shop.catalogVersion, matcher });
      evictOldest(entries, maxShops);
      evictOldest(shared, maxShared);
      return matcher;
    },
  };
}

function evictOldest<K, V>(map: Map<K, V>, max: number): void {
  if (map.size <= max) return;
  const oldest = map.keys().next();
  if (!oldest.done) map.delete(oldest.value);
}
