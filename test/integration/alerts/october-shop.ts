import type { Pool } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import {
  PRODUCT_PROFILES,
  type SimulatedSales,
  simulateShopSales,
} from '../../../src/core/simulation/index.js';

// A shop with a simulated year of sales up to 30 September and the simulator's October still to come,
// so a test can step through October day by day, logging each day's simulated sales as they happen.

export const OWNER = '+919811100000';
export const HISTORY_START = '2024-09-01';
export const OCTOBER = '2025-10-01';
const SIMULATED_DAYS = 426; // to 31 October 2025

export interface OctoberShop {
  shopId: number;
  productIds: Map<string, number>;
  simulated: SimulatedSales;
  /** Simulated (unconstrained) demand per product and day. */
  demand(product: string, date: string): number;
}

/** Days of ordinary demand each product starts October with: some run out mid-month, some never. */
export const OPENING_COVER_DAYS: Record<string, number> = {
  milk: 6,
  oil: 9,
  maggi: 12,
  kurkure: 20,
  soap: 15,
};
const DEFAULT_COVER_DAYS = 40;

export async function createOctoberShop(pool: Pool): Promise<OctoberShop> {
  const shop = await createShop(pool, {
    name: 'Gupta General Store',
    ownerPhone: OWNER,
    language: 'hi-Latn',
    stateCode: 'UP',
  });
  const products = await pool.query<{
    id: number;
    catalogId: string;
    price: number;
    cost: number;
    mrp: number;
  }>(
    `SELECT id, catalog_id AS "catalogId", price_paise AS price, cost_paise AS cost, mrp_paise AS mrp
     FROM products WHERE shop_id = $1`,
    [shop.id],
  );
  const byId = new Map(products.rows.map((p) => [p.catalogId, p]));
  const simulated = simulateShopSales({
    startDate: HISTORY_START,
    days: SIMULATED_DAYS,
    seed: 11,
    products: PRODUCT_PROFILES.map((profile) => {
      const p = byId.get(profile.id)!;
      return { id: profile.id, pricePaise: p.price, costPaise: p.cost, mrpPaise: Math.max(p.price, p.mrp) };
    }),
    festivals: festivalsBetween(2024, 2025, { state: 'UP' }),
  });
  const history = simulated.rows.filter((row) => row.date < OCTOBER && row.quantity > 0);
  await pool.query(
    `INSERT INTO sales (shop_id, product_id, sale_date, quantity, unit, unit_price_paise, amount_paise, cost_paise)
     SELECT $1, p.id, r.date::date, r.quantity, p.unit, r.price, r.price * r.quantity, r.cost
     FROM unnest($2::text[], $3::text[], $4::numeric[], $5::bigint[], $6::bigint[])
       AS r(product, date, quantity, price, cost)
     JOIN products p ON p.shop_id = $1 AND p.catalog_id = r.product`,
    [
      shop.id,
      history.map((r) => r.product),
      history.map((r) => r.date),
      history.map((r) => r.quantity),
      history.map((r) => r.pricePaise),
      history.map((r) => r.costPaise),
    ],
  );
  const demand = new Map(simulated.rows.map((r) => [`${r.product}|${r.date}`, r.quantity]));
  for (const profile of PRODUCT_PROFILES) {
    const cover = OPENING_COVER_DAYS[profile.id] ?? DEFAULT_COVER_DAYS;
    await pool.query('UPDATE products SET stock_quantity = $3 WHERE shop_id = $1 AND catalog_id = $2', [
      shop.id,
      profile.id,
      Math.round(profile.baseDaily * cover),
    ]);
  }
  return {
    shopId: shop.id,
    productIds: new Map(products.rows.map((p) => [p.catalogId, p.id])),
    simulated,
    demand: (product, date) => demand.get(`${product}|${date}`) ?? 0,
  };
}

/**
 * Logs one day's simulated sales as the shop would: what customers wanted, as far as the stock reached.
 * Returns the products that ran out that day (demand above what was left).
 */
export async function sellDay(pool: Pool, shop: OctoberShop, date: string): Promise<string[]> {
  const stock = await pool.query<{ id: number; catalogId: string; stock: number }>(
    `SELECT id, catalog_id AS "catalogId", stock_quantity::float8 AS stock FROM products
     WHERE shop_id = $1 AND catalog_id = ANY($2::text[])`,
    [shop.shopId, PRODUCT_PROFILES.map((p) => p.id)],
  );
  const ranOut: string[] = [];
  const sold = stock.rows.map((row) => {
    const wanted = shop.demand(row.catalogId, date);
    if (wanted > row.stock) ranOut.push(row.catalogId);
    return { id: row.id, quantity: Math.min(wanted, Math.max(0, row.stock)) };
  });
  const lines = sold.filter((line) => line.quantity > 0);
  await pool.query(
    `WITH line AS (SELECT * FROM unnest($3::bigint[], $4::numeric[]) AS l(id, quantity)),
     sold AS (
       INSERT INTO sales (shop_id, product_id, sale_date, quantity, unit, unit_price_paise, amount_paise, cost_paise)
       SELECT $1, p.id, $2::date, l.quantity, p.unit, p.price_paise, p.price_paise * l.quantity, p.cost_paise
       FROM line l JOIN products p ON p.id = l.id RETURNING product_id)
     UPDATE products p SET stock_quantity = p.stock_quantity - l.quantity FROM line l WHERE p.id = l.id`,
    [shop.shopId, date, lines.map((l) => l.id), lines.map((l) => l.quantity)],
  );
  return ranOut;
}

/** A shop-local (Asia/Kolkata, UTC+5:30) moment as a Date. */
export function istMoment(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+05:30`);
}

export function octoberDays(): string[] {
  return Array.from({ length: 31 }, (_, i) => addDays(OCTOBER, i));
}
