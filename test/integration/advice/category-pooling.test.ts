import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../../src/adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../../src/adapters/postgres/repositories/advice-products.js';
import { createPriceElasticitiesRepository } from '../../../src/adapters/postgres/repositories/price-elasticities.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { shopQueryable, withShopTransaction } from '../../../src/adapters/postgres/tenant-scope.js';
import { priceAdvice } from '../../../src/app/advice/price-suggestion.js';
import { poolWithCategory } from '../../../src/core/pricing/shrinkage.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// A shop that has never changed its milk price gets the response other shops' milk sales show (the
// category prior the price bench measures), read through row-level security: the other shops' estimates
// reach its price advice as numbers, while their rows stay invisible to its transaction.

const TODAY = '2026-11-24';
const OTHERS = [
  { elasticity: -0.9, se: 0.3 },
  { elasticity: -1.4, se: 0.25 },
  { elasticity: -1.1, se: 0.4 },
  { elasticity: -0.7, se: 0.5 },
];

describe('price advice pooled across shops of the category', () => {
  let database: TestDatabase;
  let app: Pool;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = createPool({ connectionString: database.url, max: 2, role: 'billmitra_app' });
  }, 60_000);
  afterAll(async () => {
    await app?.end();
    await database?.drop();
  });

  const newShop = (i: number) =>
    createShop(database.pool, {
      name: `Dairy ${i}`,
      ownerPhone: `+9198111002${i}0`,
      language: 'en',
      stateCode: 'UP',
    });

  it("uses the other shops' estimates as the prior, without showing their rows", async () => {
    for (const [i, estimate] of OTHERS.entries()) {
      const shop = await newShop(i);
      await withShopTransaction(app, shop.id, async (client) => {
        const [milk] = await createAdviceProductsRepository(client).byCatalogIds(shop.id, ['milk']);
        await createPriceElasticitiesRepository(client).save({
          shopId: shop.id,
          productId: milk!.id,
          category: milk!.category,
          estimate,
          date: TODAY,
        });
      });
    }
    const shop = await newShop(9);
    const db = shopQueryable(app, shop.id);
    const [milk] = await createAdviceProductsRepository(db).byCatalogIds(shop.id, ['milk']);
    const advice = await priceAdvice(db, {
      shop: { id: shop.id, stateCode: 'UP', minMarginBp: shop.minMarginBp },
      product: milk!,
      today: TODAY,
    });
    const expected = poolWithCategory(null, OTHERS);
    expect(expected.prior.series).toBe(4);
    expect(advice!.ownWeight).toBe(0);
    expect(advice!.suggestion.elasticity.estimate).toBeCloseTo(expected.elasticity, 9);
    expect(advice!.suggestion.elasticity.high - advice!.suggestion.elasticity.low).toBeCloseTo(
      2 * 1.6449 * expected.sd,
      9,
    );

    const visible = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM price_elasticities');
    expect(visible.rows[0]!.n).toBe(0);
  });
});
