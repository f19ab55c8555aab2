import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createProductsRepository } from '../../../src/adapters/postgres/repositories/products.js';
import {
  createShop,
  createShopsRepository,
  type ShopRow,
} from '../../../src/adapters/postgres/repositories/shops.js';
import { createShopMatcherCache, loadShopMatcher } from '../../../src/app/conversation/shop-matcher.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// A shop's matcher is built from its own products and taught words, and rebuilt only when the shop's
// catalog version moves.

describe('shop product matcher', () => {
  let database: TestDatabase;
  let shop: ShopRow;
  const fresh = async () => (await createShopsRepository(database.pool).find(shop.id))!;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Matcher Shop', ownerPhone: '+919850000001', language: 'en' }),
    );
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("matches the shop's products and the words it taught", async () => {
    expect((await loadShopMatcher(database.pool, shop.id)).match('maggi').productId).toBe('maggi');
    const products = createProductsRepository(database.pool);
    const kurkure = (await products.byCatalogIds(shop.id, ['kurkure'], { lock: false })).get('kurkure')!;
    await products.addAlias(shop.id, 'chaska', kurkure.id);
    expect((await loadShopMatcher(database.pool, shop.id)).match('chaska').productId).toBe('kurkure');
  });

  it('reuses the built matcher until the catalog version changes', async () => {
    const cache = createShopMatcherCache();
    const first = await cache.get(database.pool, await fresh());
    expect(await cache.get(database.pool, await fresh())).toBe(first);
    await createShopsRepository(database.pool).bumpCatalogVersion(shop.id);
    const rebuilt = await cache.get(database.pool, await fresh());
    expect(rebuilt).not.toBe(first);
    expect(await cache.get(database.pool, await fresh())).toBe(rebuilt);
  });
});
