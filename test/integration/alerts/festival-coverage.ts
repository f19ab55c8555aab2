import type { Pool } from '../../../src/adapters/postgres/pool.js';
import { addDays, eachDay } from '../../../src/core/inventory/local-date.js';
import { chooseServiceLevel } from '../../../src/core/inventory/service-level.js';
import { PRODUCT_PROFILES } from '../../../src/core/simulation/index.js';
import { negativeBinomial, streamFor } from '../../../src/core/simulation/seeded-random.js';
import { istMoment, type OctoberShop } from './october-shop.js';

// Checks a festival alert's order against the simulator: from the alert's morning to the festival, how
// often stock plus the order covers demand drawn from the simulator's own expected units and noise, next to
// the service level the restock rules chose for each item.

const DRAWS = 400;

export interface CoverageResult {
  coverage: number;
  /** The same with one supplier pack fewer: how much of the margin is pack rounding. */
  coverageOnePackLess: number;
  serviceLevel: number;
  /** Listed items whose realised simulated demand up to the festival exceeded stock plus order. */
  shortItems: string[];
}

export async function coverageOfOrder(
  pool: Pool,
  shop: OctoberShop,
  o: { date: string; festivalDate: string; stock: ReadonlyMap<string, number> },
): Promise<CoverageResult> {
  const list = await pool.query<{ items: Array<{ productId: number; units: number }> }>(
    `SELECT items FROM restock_lists WHERE shop_id = $1 AND source = 'alert' AND created_at = $2`,
    [shop.shopId, istMoment(o.date, '08:00')],
  );
  const items = list.rows[0]?.items ?? [];
  if (items.length === 0) throw new Error(`no festival list saved on ${o.date}`);
  const catalogOf = new Map([...shop.productIds].map(([catalogId, id]) => [id, catalogId]));
  const days = eachDay(o.date, o.festivalDate);
  let covered = 0;
  let coveredLess = 0;
  let levels = 0;
  const shortItems: string[] = [];
  for (const item of items) {
    const catalogId = catalogOf.get(item.productId)!;
    const profile = PRODUCT_PROFILES.find((p) => p.id === catalogId)!;
    const have = (o.stock.get(catalogId) ?? 0) + item.units;
    const pack = await packSize(pool, item.productId);
    const expected = days.map(
      (d) => shop.simulated.truth.find((t) => t.product === catalogId && t.date === d)?.expected ?? 0,
    );
    const random = streamFor(97, `${catalogId}:${o.date}`);
    for (let draw = 0; draw < DRAWS; draw++) {
      const demand = expected.reduce((s, mean) => s + negativeBinomial(random, mean, profile.dispersion), 0);
      if (demand <= have) covered++;
      if (demand <= have - pack) coveredLess++;
    }
    const realised = days.reduce((s, d) => s + shop.demand(catalogId, d), 0);
    if (realised > have) shortItems.push(catalogId);
    levels += await chosenLevel(pool, shop, item.productId, o.date);
  }
  const n = DRAWS * items.length;
  return {
    coverage: covered / n,
    coverageOnePackLess: coveredLess / n,
    serviceLevel: levels / items.length,
    shortItems,
  };
}

async function packSize(pool: Pool, productId: number): Promise<number> {
  const r = await pool.query<{ size: number }>(
    'SELECT pack_size::float8 AS size FROM products WHERE id = $1',
    [productId],
  );
  return r.rows[0]?.size ?? 1;
}

async function chosenLevel(pool: Pool, shop: OctoberShop, productId: number, date: string): Promise<number> {
  const r = await pool.query<{
    id: string;
    unit: string;
    packSize: number;
    category: string;
    price: number;
    cost: number;
    shelf: number | null;
    recent: number;
  }>(
    `SELECT p.catalog_id AS id, p.unit, p.pack_size::float8 AS "packSize", p.category, p.price_paise AS price,
       p.cost_paise AS cost, p.shelf_life_days AS shelf,
       (SELECT coalesce(sum(quantity), 0)::float8 / 28 FROM sales s
        WHERE s.product_id = p.id AND s.sale_date BETWEEN $3 AND $4) AS recent
     FROM products p WHERE p.shop_id = $1 AND p.id = $2`,
    [shop.shopId, productId, addDays(date, -28), addDays(date, -1)],
  );
  const p = r.rows[0]!;
  return chooseServiceLevel(
    {
      id: p.id,
      unit: p.unit,
      packSize: p.packSize,
      category: p.category,
      pricePaise: p.price,
      costPaise: p.cost,
      ...(p.shelf !== null ? { shelfLifeDays: p.shelf } : {}),
    },
    p.recent,
  ).level;
}
