import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import buildFeaturesJob from '../../../jobs/build-features.js';
import { createPool, type Pool } from '../../../src/adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../../src/adapters/postgres/repositories/advice-products.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { shopQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import { type BullQueues, createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { priceAdvice } from '../../../src/app/advice/price-suggestion.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import { poolWithCategory } from '../../../src/core/pricing/shrinkage.js';
import { useDatabaseAndRedis } from '../support/database-and-redis.js';
import { testQueuePrefix } from '../support/services.js';
import { type SimulatedShop, simulatedShop } from './shop-history.js';

// The nightly features job also stores every sold product's own price elasticity, not only the ones an
// owner asked about: the estimate the chat would make that day, unchanged by a rerun, and what a shop
// with no price history of its own then gets as its category's prior.

const AS_OF = '2026-10-01';
const SHOP = { id: 0, stateCode: 'UP', minMarginBp: 1_000 };

interface StoredRow {
  productId: number;
  category: string;
  elasticity: number;
  se: number;
  estimatedOn: string;
}

describe('nightly price elasticities', () => {
  const services = useDatabaseAndRedis();
  let app: Pool;
  let queues: BullQueues;
  let shop: SimulatedShop;

  const stored = async (shopId: number) =>
    (
      await services.database.pool.query<StoredRow>(
        `SELECT product_id::int AS "productId", category, elasticity::float8 AS elasticity, se::float8 AS se,
                estimated_on::text AS "estimatedOn"
         FROM price_elasticities WHERE shop_id = $1 ORDER BY product_id`,
        [shopId],
      )
    ).rows;
  const nightly = (shopId: number, asOf: string) =>
    buildFeaturesJob({ pool: app, queue: queues })({ shopId, asOf, reason: 'nightly' });

  beforeAll(async () => {
    // The job runs as the application role, under row-level security, as in production.
    app = createPool({ connectionString: services.database.url, max: 2, role: 'billmitra_app' });
    queues = createBullQueues({ connection: services.redis, prefix: testQueuePrefix() });
    shop = await simulatedShop(services.database.pool, {
      phone: '+919800000071',
      asOf: AS_OF,
      days: 400,
      seed: 6,
    });
    await nightly(shop.shopId, AS_OF);
  }, 120_000);

  afterAll(async () => {
    await queues?.close();
    await app?.end();
  });

  it("stores each product's own estimate, the one price advice makes that day, and a rerun changes nothing", async () => {
    const rows = await stored(shop.shopId);
    // The simulated shop changes its prices now and then: most products' responses are identified.
    expect(rows.length).toBeGreaterThanOrEqual(shop.products.size / 2);
    expect(rows.every((row) => row.estimatedOn === AS_OF && row.se > 0)).toBe(true);
    expect(await queues.queue('training').count()).toBe(1);

    const db = shopQueryable(app, shop.shopId);
    const products = await createAdviceProductsRepository(db).byIds(
      shop.shopId,
      rows.map((row) => row.productId),
    );
    for (const product of products.slice(0, 3)) {
      const advice = await priceAdvice(db, { shop: { ...SHOP, id: shop.shopId }, product, today: AS_OF });
      expect(advice?.ownWeight).toBeGreaterThan(0);
    }
    expect(await stored(shop.shopId)).toEqual(rows);

    await nightly(shop.shopId, AS_OF);
    expect(await stored(shop.shopId)).toEqual(rows);
    expect(await queues.queue('training').count()).toBe(1);

    // The next night refreshes the date, which keeps the estimates within the category's evidence window.
    const tomorrow = addDays(AS_OF, 1);
    await nightly(shop.shopId, tomorrow);
    const refreshed = await stored(shop.shopId);
    expect(refreshed.length).toBeGreaterThan(0);
    expect(refreshed.every((row) => row.estimatedOn === tomorrow)).toBe(true);
  });

  it("gives a shop that never changed a price the category prior from another shop's nightly estimates", async () => {
    const rows = await stored(shop.shopId);
    const fresh = await createShop(services.database.pool, {
      name: 'New Kirana',
      ownerPhone: '+919800000072',
      language: 'en',
      stateCode: 'UP',
    });
    const db = shopQueryable(app, fresh.id);
    const [maggi] = await createAdviceProductsRepository(db).byCatalogIds(fresh.id, ['maggi']);
    const category = rows.filter((row) => row.category === maggi!.category);
    expect(category.length).toBeGreaterThan(0);
    const advice = await priceAdvice(db, {
      shop: { ...SHOP, id: fresh.id, minMarginBp: fresh.minMarginBp },
      product: maggi!,
      today: addDays(AS_OF, 1),
    });
    const expected = poolWithCategory(null, category);
    expect(advice!.ownWeight).toBe(0);
    expect(expected.prior.series).toBe(category.length);
    expect(advice!.suggestion.elasticity.estimate).toBeCloseTo(expected.elasticity, 9);
  });
});
