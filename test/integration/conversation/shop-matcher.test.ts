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

// A shop's matcher is built from its own products and taught words, rebuilt only when the shop's catalog
// version moves, and shared between shops only while their catalogs are the same.

describe('shop product matcher', () => {
  let database: TestDatabase;
  let shop: ShopRow;
  const fresh = async (id = shop.id) => (await createShopsRepository(database.pool).find(id))!;

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

  it('shares one matcher between shops of the same catalog, and keeps a taught word in its own shop', async () => {
    const [twinA, twinB] = await withTransaction(database.pool, async (client) => [
      await createShop(client, { name: 'Twin A', ownerPhone: '+919850000002', language: 'en' }),
      await createShop(client, { name: 'Twin B', ownerPhone: '+919850000003', language: 'hi' }),
    ]);
    const products = createProductsRepository(database.pool);
    expect(await products.matcherFingerprint(twinA!.id)).toBe(await products.matcherFingerprint(twinB!.id));
    const cache = createShopMatcherCache();
    const matcherA = await cache.get(database.pool, twinA!);
    expect(await cache.get(database.pool, twinB!)).toBe(matcherA);

    const biscuits = (await products.byCatalogIds(twinA!.id, ['biscuits'], { lock: false })).get('biscuits')!;
    await products.addAlias(twinA!.id, 'zorbix', biscuits.id);
    await createShopsRepository(database.pool).bumpCatalogVersion(twinA!.id);
    const source = await products.matcherSource(twinA!.id);
    expect(await products.matcherFingerprint(twinA!.id)).toBe(source.fingerprint);
    expect(source.fingerprint).not.toBe(await products.matcherFingerprint(twinB!.id));

    const taughtA = await cache.get(database.pool, await fresh(twinA!.id));
    expect(taughtA.match('zorbix').productId).toBe('biscuits');
    const stillB = await cache.get(database.pool, await fresh(twinB!.id));
    expect(stillB).toBe(matcherA);
    expect(stillB.match('zorbix').productId).not.toBe('biscuits');
  });
});
