import type { Pool } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { importSales } from '../../../src/app/sales-import/import-sales.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import { paiseToRupees } from '../../../src/core/money.js';
import { simulateShopSales } from '../../../src/core/simulation/index.js';

// A shop with a simulated sales history ending the day before `asOf`, imported the way a shop's own
// export would be (through the import use case).

export interface SimulatedShop {
  shopId: number;
  entryId?: number;
  /** products.id by catalog id, for the products that sold. */
  products: Map<string, number>;
}

export async function simulatedShop(
  pool: Pool,
  options: { phone: string; asOf: string; days: number; seed: number; stateCode?: string; only?: string[] },
): Promise<SimulatedShop> {
  const shop = await createShop(pool, {
    name: 'Forecast Test Kirana',
    language: 'en',
    stateCode: options.stateCode ?? 'UP',
    ownerPhone: options.phone,
  });
  const end = addDays(options.asOf, -1);
  const start = addDays(end, 1 - options.days);
  const simulated = simulateShopSales({
    startDate: start,
    days: options.days,
    seed: options.seed,
    festivals: festivalsBetween(Number(start.slice(0, 4)), Number(end.slice(0, 4)) + 1, {
      state: options.stateCode ?? 'UP',
    }),
  });
  const rows = simulated.rows.filter(
    (row) => row.quantity > 0 && (!options.only || options.only.includes(row.product)),
  );
  const result = await importSales(
    { pool },
    {
      shopId: shop.id,
      source: 'simulated',
      today: options.asOf,
      records: rows.map((row, index) => ({
        line: index + 2,
        date: row.date,
        product: row.product,
        quantity: String(row.quantity),
        price: String(paiseToRupees(row.pricePaise)),
      })),
    },
  );
  if (result.problems.length > 0)
    throw new Error(`import refused rows: ${JSON.stringify(result.problems[0])}`);
  const ids = await pool.query<{ catalog_id: string; id: number }>(
    `SELECT p.catalog_id, p.id FROM products p
     WHERE p.shop_id = $1 AND EXISTS (SELECT 1 FROM sales s WHERE s.product_id = p.id)`,
    [shop.id],
  );
  return {
    shopId: shop.id,
    ...(result.entryId !== undefined ? { entryId: result.entryId } : {}),
    products: new Map(ids.rows.map((row) => [row.catalog_id, row.id])),
  };
}
