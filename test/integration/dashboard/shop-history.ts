import type { Pool } from '../../../src/adapters/postgres/pool.js';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { importSales } from '../../../src/app/sales-import/import-sales.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { defaultFestivalEvents, forecastSeries } from '../../../src/core/forecasting/index.js';
import { addDays } from '../../../src/core/inventory/index.js';
import { paiseToRupees } from '../../../src/core/money.js';
import { PRODUCT_PROFILES, simulateShopSales } from '../../../src/core/simulation/index.js';

// Shops with a real-looking past for the dashboard tests and the overview benchmark: simulated sales
// (the simulation core) loaded through the sales-import use case, and forecasts made by the forecasting
// core's per-series models written where the nightly job will write them. The forecasting jobs are not
// in the tree yet, so the forecast rows are inserted here with plain SQL.

export interface SeededShop {
  shopId: number;
  ownerPhone: string;
  /** Product ids by catalog id, for the simulated products. */
  productIds: Map<string, number>;
}

export async function seedShopWithHistory(
  pool: Pool,
  options: {
    ownerPhone: string;
    name: string;
    today: string;
    days: number;
    seed?: number;
    stateCode?: string;
  },
): Promise<SeededShop> {
  const stateCode = options.stateCode ?? 'UP';
  const shop = await withTransaction(pool, (client) =>
    createShop(client, {
      name: options.name,
      ownerPhone: options.ownerPhone,
      language: 'hi-Latn',
      stateCode,
    }),
  );
  const start = addDays(options.today, -options.days);
  const festivals = festivalsBetween(Number(start.slice(0, 4)), Number(options.today.slice(0, 4)) + 1, {
    state: stateCode,
  });
  const simulated = simulateShopSales({
    startDate: start,
    days: options.days,
    seed: options.seed ?? 7,
    festivals,
  });
  const records = simulated.rows
    .filter((row) => row.quantity > 0)
    .map((row, index) => ({
      line: index + 2,
      date: row.date,
      product: row.product,
      quantity: String(row.quantity),
      price: String(paiseToRupees(row.pricePaise)),
    }));
  await importSales({ pool }, { shopId: shop.id, records, source: 'test-history', today: options.today });
  // Some stock on the shelf so cover and restock advice have something to work with.
  await pool.query(
    `UPDATE products SET stock_quantity = 3 * pack_size WHERE shop_id = $1 AND catalog_id = ANY($2)`,
    [shop.id, PRODUCT_PROFILES.map((profile) => profile.id)],
  );
  const ids = await pool.query<{ id: number; catalog_id: string }>(
    'SELECT id, catalog_id FROM products WHERE shop_id = $1',
    [shop.id],
  );
  return {
    shopId: shop.id,
    ownerPhone: options.ownerPhone,
    productIds: new Map(ids.rows.map((row) => [row.catalog_id, row.id])),
  };
}

/** Forecasts the shop's selling products from `today` with the core's per-series models and stores them. */
export async function storeForecasts(pool: Pool, shopId: number, today: string, horizon = 28): Promise<void> {
  const history = await pool.query<{ product_id: number; sale_date: string; units: number; price: number }>(
    `SELECT product_id, sale_date, SUM(quantity) AS units,
            SUM(amount_paise) / NULLIF(SUM(quantity), 0) AS price
     FROM sales WHERE shop_id = $1 AND sale_date >= $2::date - 400 AND sale_date < $2 AND NOT voided
     GROUP BY product_id, sale_date ORDER BY product_id, sale_date`,
    [shopId, today],
  );
  const byProduct = new Map<number, Array<{ date: string; units: number; price: number }>>();
  for (const row of history.rows) {
    const points = byProduct.get(row.product_id) ?? [];
    points.push({ date: row.sale_date, units: row.units, price: row.price });
    byProduct.set(row.product_id, points);
  }
  const year = Number(today.slice(0, 4));
  const results = await forecastSeries({
    series: [...byProduct].map(([id, points]) => ({ id: String(id), points })),
    horizon,
    startDate: today,
    events: defaultFestivalEvents({ fromYear: year - 2, toYear: year + 1 }),
  });
  const version = await pool.query<{ id: number }>(
    `INSERT INTO model_versions (shop_id, model_kind, version, training_rows, params, backtest)
     VALUES ($1, 'per-series', $2, $3, '{}', $4) RETURNING id`,
    [
      shopId,
      `test-${today}`,
      history.rows.length,
      JSON.stringify({
        origins: results[0]?.backtest.origins ?? [],
        scores: results[0]?.backtest.scores ?? [],
      }),
    ],
  );
  for (const result of results) {
    for (const day of result.days) {
      await pool.query(
        `INSERT INTO forecasts (shop_id, product_id, target_date, origin_date, model_version_id, model_kind,
                                mean, p10, p50, p90)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (shop_id, product_id, target_date) DO UPDATE SET mean = EXCLUDED.mean`,
        [
          shopId,
          Number(result.seriesId),
          day.date,
          today,
          version.rows[0]?.id,
          result.model,
          day.mean,
          day.p10,
          day.p50,
          day.p90,
        ],
      );
    }
    await pool.query(
      `INSERT INTO forecast_explanations (shop_id, product_id, origin_date, explanation) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id, product_id) DO UPDATE SET explanation = EXCLUDED.explanation`,
      [shopId, Number(result.seriesId), today, JSON.stringify(result.explanation)],
    );
  }
}
