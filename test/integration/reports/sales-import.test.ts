import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { importSalesCsv } from '../../../src/app/sales-import/import-sales.js';
import { salesCsv } from '../../../src/commands/simulate.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { simulateShopSales } from '../../../src/core/simulation/index.js';
import { packagePath } from '../../../src/package-path.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// `billmitra import` on real PostgreSQL: a simulated year goes in once, however often it is imported.

const TODAY = '2026-11-24';

function simulatedCsv(days: number): string {
  const { rows } = simulateShopSales({
    startDate: '2025-11-24',
    days,
    seed: 7,
    festivals: festivalsBetween(2025, 2027),
  });
  return salesCsv(rows);
}

describe('sales import', () => {
  let database: TestDatabase;
  let shopId: number;
  const ownerPhone = '+919811100001';

  async function counts(): Promise<{ sales: number; paise: number; entries: number }> {
    const result = await database.pool.query<{ sales: number; paise: number | null; entries: number }>(
      `SELECT (SELECT count(*)::int FROM sales WHERE shop_id = $1) AS sales,
              (SELECT sum(amount_paise)::bigint FROM sales WHERE shop_id = $1) AS paise,
              (SELECT count(*)::int FROM ledger_entries WHERE shop_id = $1 AND kind = 'import') AS entries`,
      [shopId],
    );
    const row = result.rows[0]!;
    return { sales: row.sales, paise: row.paise ?? 0, entries: row.entries };
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Import Test', ownerPhone, language: 'en' }),
    );
    shopId = shop.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('imports a simulated year in batches, then adds nothing when the same file comes again', async () => {
    const csv = simulatedCsv(365);
    const lines = csv.trim().split('\n').slice(1);
    const expectedPaise = lines.reduce((sum, line) => {
      const [, , quantity, price] = line.split(',');
      return sum + Math.round(Math.round(Number(price) * 100) * Number(quantity));
    }, 0);
    const progress: number[] = [];
    const started = performance.now();
    const first = await importSalesCsv(
      { pool: database.pool, batchSize: 1000, onProgress: (done) => progress.push(done) },
      { shopId, csv, source: 'year.csv', today: TODAY },
    );
    const ms = performance.now() - started;
    expect(first).toMatchObject({
      rows: lines.length,
      inserted: lines.length,
      alreadyThere: 0,
      problems: [],
    });
    expect(progress.at(-1)).toBe(lines.length);
    expect(progress.length).toBe(Math.ceil(lines.length / 1000) + 1);
    expect(await counts()).toEqual({ sales: lines.length, paise: expectedPaise, entries: 1 });
    console.info(`imported ${lines.length} rows in ${ms.toFixed(0)} ms`);

    const again = await importSalesCsv(
      { pool: database.pool },
      { shopId, csv, source: 'year.csv', today: TODAY },
    );
    expect(again).toMatchObject({ inserted: 0, alreadyThere: lines.length });
    expect(await counts()).toEqual({ sales: lines.length, paise: expectedPaise, entries: 1 });
  });

  it('finishes an interrupted import without doubling what was already in', async () => {
    const shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Half Done', ownerPhone: '+919811100002', language: 'hi' }),
    );
    const csv = simulatedCsv(60);
    const all = csv.trim().split('\n');
    const firstHalf = `${all.slice(0, Math.floor(all.length / 2)).join('\n')}\n`;
    const half = await importSalesCsv(
      { pool: database.pool },
      { shopId: shop.id, csv: firstHalf, source: 'a', today: TODAY },
    );
    const full = await importSalesCsv(
      { pool: database.pool },
      { shopId: shop.id, csv, source: 'a', today: TODAY },
    );
    expect(full.alreadyThere).toBe(half.inserted);
    expect(half.inserted + full.inserted).toBe(all.length - 1);
    const stored = await database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sales WHERE shop_id = $1',
      [shop.id],
    );
    expect(stored.rows[0]?.n).toBe(all.length - 1);
  });

  it('reports bad rows by line, imports the good ones, and a corrected file adds only the fixed rows', async () => {
    const shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Messy Export', ownerPhone: '+919811100003', language: 'hi-Latn' }),
    );
    const messy = [
      'date,product,quantity,price',
      '2026-11-01,maggi,10,14',
      '2026-11-01,kurkre,4,', // a misspelling the matcher knows; price from the shop
      '2026-11-31,lays,2,20',
      '2026-11-02,unobtainium,1,10',
      '2026-11-02,milk,0,68',
      '2026-11-02,Doodh,3,68',
    ].join('\n');
    const result = await importSalesCsv(
      { pool: database.pool },
      { shopId: shop.id, csv: messy, source: 'm', today: TODAY },
    );
    expect(result.inserted).toBe(3);
    expect(result.problems.map((problem) => problem.line)).toEqual([4, 5, 6]);
    const fixed = messy.replace('2026-11-31', '2026-11-20').replace('milk,0,68', 'milk,2,68');
    const second = await importSalesCsv(
      { pool: database.pool },
      { shopId: shop.id, csv: fixed, source: 'm2', today: TODAY },
    );
    expect(second).toMatchObject({ inserted: 2, alreadyThere: 3 });
    const stored = await database.pool.query<{ catalog_id: string; quantity: number; amount_paise: number }>(
      `SELECT p.catalog_id, s.quantity, s.amount_paise FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.shop_id = $1 ORDER BY s.id`,
      [shop.id],
    );
    expect(stored.rows.map((row) => [row.catalog_id, row.quantity, row.amount_paise])).toEqual([
      ['maggi', 10, 14_000],
      ['kurkure', 4, 8_000],
      ['milk', 3, 20_400],
      ['lays', 2, 4_000],
      ['milk', 2, 13_600],
    ]);
  });

  it('keeps a second till’s identical line when imported as separate, still without doubling on re-import', async () => {
    const shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Two Tills', ownerPhone: '+919811100004', language: 'en' }),
    );
    const tillA = 'date,product,quantity,price\n2026-11-05,maggi,2,14\n2026-11-05,lays,1,20\n';
    const tillB = 'date,product,quantity,price\n2026-11-05,maggi,2,14\n';
    const deps = { pool: database.pool };
    const base = { shopId: shop.id, source: 't', today: TODAY };
    expect((await importSalesCsv(deps, { ...base, csv: tillA })).inserted).toBe(2);
    expect(await importSalesCsv(deps, { ...base, csv: tillB })).toMatchObject({
      inserted: 0,
      alreadyThere: 1,
    });
    expect((await importSalesCsv(deps, { ...base, csv: tillB, separate: true })).inserted).toBe(1);
    expect((await importSalesCsv(deps, { ...base, csv: tillB, separate: true })).inserted).toBe(0);
    const maggi = await database.pool.query<{ quantity: number }>(
      `SELECT sum(s.quantity) AS quantity FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.shop_id = $1 AND p.catalog_id = 'maggi'`,
      [shop.id],
    );
    expect(maggi.rows[0]?.quantity).toBe(4);
  });

  it('runs as `billmitra import --shop-phone` with a summary, line errors and exit code 3', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'bm-import-'));
    const file = join(directory, 'export.csv');
    await writeFile(
      file,
      'date,product,quantity,price\n2026-11-03,maggi,5,14\n2026-11-03,nothing-like-it,1,5\n',
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', packagePath('src', 'cli.ts'), 'import', '--shop-phone', ownerPhone, file],
      { cwd: packagePath(), env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(output).toContain('export.csv: 2 rows, 1 sales imported, 0 already there, 1 refused');
    expect(output).toContain('line 3: unknown product "nothing-like-it"');
    expect(code).toBe(3);
  }, 120_000);
});
