import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReportsRepository } from '../../../src/adapters/postgres/repositories/reports.js';
import { DEMO_SHOP, seedDemoShop } from '../../../src/app/demo/seed-demo-shop.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import type { Period } from '../../../src/core/parse.js';
import { type DayRange, reportWindow } from '../../../src/core/reports/report-period.js';
import { buildSalesReport } from '../../../src/core/reports/sales-report.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';

// The figures a report gives equal a plain SQL sum over the ledger for the same days, on the demo shop's
// simulated year; the demo seed itself is idempotent and only tops up missing days.

const SEED_TODAY = '2026-11-25';
// Reports are asked on the last simulated day, so "today" has sales too.
const REPORT_TODAY = addDays(SEED_TODAY, -1);
const PERIODS: Period[] = ['today', 'yesterday', 'week', 'month'];

async function directSums(database: TestDatabase, shopId: number, range: DayRange) {
  const result = await database.pool.query<{ revenue: number; units: number; cost: number; lines: number }>(
    `SELECT COALESCE(sum(s.amount_paise), 0)::bigint AS revenue, COALESCE(sum(s.quantity), 0) AS units,
            COALESCE(sum(round(s.cost_paise * s.quantity)), 0)::bigint AS cost, count(*)::int AS lines
     FROM sales s JOIN ledger_entries e ON e.id = s.entry_id
     WHERE s.shop_id = $1 AND s.sale_date BETWEEN $2 AND $3 AND NOT s.voided AND e.undone_at IS NULL`,
    [shopId, range.from, range.to],
  );
  return result.rows[0]!;
}

describe.each<DatabaseKind>(['postgres', 'pglite'])('reports over the demo year (%s)', (kind) => {
  let database: TestDatabase;
  let shopId: number;
  let seedMs: number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const started = performance.now();
    const seeded = await seedDemoShop({ pool: database.pool }, { today: SEED_TODAY });
    seedMs = performance.now() - started;
    shopId = seeded.shopId;
    expect(seeded.created).toBe(true);
    expect(seeded.import?.problems).toEqual([]);
    console.info(
      `${kind}: demo shop seeded with ${seeded.import?.inserted} sales in ${seedMs.toFixed(0)} ms`,
    );
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('holds a year of sales ending yesterday, for the demo owner, in Hinglish and UP', async () => {
    const shop = await database.pool.query(
      `SELECT s.name, s.language, s.state_code, m.role, min(x.sale_date) AS first, max(x.sale_date) AS last,
              count(DISTINCT x.product_id)::int AS products
       FROM shops s JOIN shop_members m ON m.shop_id = s.id JOIN sales x ON x.shop_id = s.id
       WHERE m.phone = $1 GROUP BY s.id, m.role`,
      [DEMO_SHOP.ownerPhone],
    );
    expect(shop.rows).toEqual([
      {
        name: 'Sharma Kirana',
        language: 'hi-Latn',
        state_code: 'UP',
        role: 'owner',
        first: addDays(SEED_TODAY, -365),
        last: addDays(SEED_TODAY, -1),
        products: 15,
      },
    ]);
    // About ten days of stock, journalled with the import so the stock history adds up.
    const stock = await database.pool.query<{ catalog_id: string; stock: number; journal: number }>(
      `SELECT p.catalog_id, p.stock_quantity AS stock, COALESCE(sum(m.delta), 0) AS journal
       FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id
       WHERE p.shop_id = $1 AND p.stock_quantity <> 0 GROUP BY p.id`,
      [shopId],
    );
    expect(stock.rows).toHaveLength(15);
    for (const row of stock.rows) expect(row.journal).toBe(row.stock);
    expect(seedMs).toBeLessThan(kind === 'postgres' ? 15_000 : 30_000);
  });

  it.each(PERIODS)('%s: sales, units and profit equal a direct SQL sum over the ledger', async (period) => {
    const window = reportWindow(period, REPORT_TODAY);
    const totals = await createReportsRepository(database.pool).totals(
      shopId,
      window.current,
      window.previous,
    );
    const report = buildSalesReport(window, totals);
    const current = await directSums(database, shopId, window.current);
    const previous = await directSums(database, shopId, window.previous);
    expect(current.lines).toBeGreaterThan(0);
    expect(report.revenuePaise).toBe(current.revenue);
    expect(report.units).toBeCloseTo(current.units, 6);
    expect(report.profit).toEqual({ paise: current.revenue - current.cost, complete: true });
    expect(report.previousRevenuePaise).toBe(previous.revenue);
    const compared = await directSums(database, shopId, window.compare.current);
    const base = await directSums(database, shopId, window.compare.previous);
    expect(report.changePercent).toBe(Math.round(((compared.revenue - base.revenue) / base.revenue) * 100));
    expect(report.days.reduce((sum, day) => sum + day.revenuePaise, 0)).toBe(current.revenue);
    const top = await database.pool.query<{ catalog_id: string; revenue: number }>(
      `SELECT p.catalog_id, sum(s.amount_paise)::bigint AS revenue FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.shop_id = $1 AND s.sale_date BETWEEN $2 AND $3 GROUP BY p.catalog_id
       ORDER BY revenue DESC, p.catalog_id LIMIT 5`,
      [shopId, window.current.from, window.current.to],
    );
    expect(report.top.map((line) => [line.product.catalogId, line.revenuePaise])).toEqual(
      top.rows.map((row) => [row.catalog_id, row.revenue]),
    );
  });

  it('leaves undone sales out of the figures', async () => {
    const window = reportWindow('today', REPORT_TODAY);
    const before = buildSalesReport(
      window,
      await createReportsRepository(database.pool).totals(shopId, window.current, window.previous),
    );
    const entry = await database.pool.query<{ id: number }>(
      `INSERT INTO ledger_entries (shop_id, kind, business_date, undone_at) VALUES ($1, 'sale', $2, now()) RETURNING id`,
      [shopId, REPORT_TODAY],
    );
    await database.pool.query(
      `INSERT INTO sales (shop_id, entry_id, product_id, sale_date, quantity, unit, unit_price_paise, amount_paise, voided)
       SELECT $1, $2, id, $3, 5, unit, price_paise, price_paise * 5, false FROM products WHERE shop_id = $1 AND catalog_id = 'maggi'`,
      [shopId, entry.rows[0]!.id, REPORT_TODAY],
    );
    const after = buildSalesReport(
      window,
      await createReportsRepository(database.pool).totals(shopId, window.current, window.previous),
    );
    expect(after.revenuePaise).toBe(before.revenuePaise);
  });

  it('seeds again without doubling, and a later start only adds the missing days', async () => {
    const count = async () =>
      (
        await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM sales WHERE shop_id = $1', [
          shopId,
        ])
      ).rows[0]!.n;
    const before = await count();
    const again = await seedDemoShop({ pool: database.pool }, { today: SEED_TODAY });
    expect(again).toEqual({ shopId, created: false });
    expect(await count()).toBe(before);
    const later = await seedDemoShop({ pool: database.pool }, { today: addDays(SEED_TODAY, 3) });
    const added = await database.pool.query<{ first: string; last: string }>(
      `SELECT min(sale_date) AS first, max(sale_date) AS last FROM sales WHERE shop_id = $1 AND entry_id = $2`,
      [shopId, later.import?.entryId],
    );
    expect(added.rows[0]).toEqual({ first: SEED_TODAY, last: addDays(SEED_TODAY, 2) });
    expect(await count()).toBe(before + (later.import?.inserted ?? 0));
  });
});
