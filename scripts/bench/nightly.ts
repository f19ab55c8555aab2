import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadForecastModels } from '../../jobs/train-models.js';
import { loadTf } from '../../src/adapters/ml/tf-backend.js';
import { migrate } from '../../src/adapters/postgres/migrate.js';
import { createPool } from '../../src/adapters/postgres/pool.js';
import { createShop } from '../../src/adapters/postgres/repositories/shops.js';
import type { JobPublisher } from '../../src/adapters/queue/payloads.js';
import { buildShopFeatures } from '../../src/app/forecasting/build-shop-features.js';
import { trainShopForecasts } from '../../src/app/forecasting/train-shop-forecasts.js';
import { importSales } from '../../src/app/sales-import/import-sales.js';
import { festivalsBetween } from '../../src/core/festivals/index.js';
import { addDays } from '../../src/core/inventory/local-date.js';
import { paiseToRupees } from '../../src/core/money.js';
import { PRODUCT_PROFILES, simulateShopSales } from '../../src/core/simulation/index.js';

// One shop's nightly job timed: 50 products with two years of simulated sales, features then training
// (backtests, global TF.js model, writes). Needs a PostgreSQL server (DATABASE_URL, default a fresh
// database on the test server). Prints wall and CPU seconds and peak memory per run; the machine's load
// is printed too, since wall time on a shared machine is mostly other people's work.
//
//   npx tsx scripts/bench/nightly.ts [--runs 3] [--products 50] [--days 730]

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    products: { type: 'string', default: '50' },
    days: { type: 'string', default: '730' },
  },
});
const RUNS = Number(args.runs);
const PRODUCTS = Number(args.products);
const DAYS = Number(args.days);
const AS_OF = '2026-10-01';

const admin = process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `bm_bench_nightly_${Date.now().toString(36)}`;
const adminPool = createPool({ connectionString: admin, max: 1 });
await adminPool.query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
const pool = createPool({ connectionString: url.toString(), max: 4 });

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

try {
  await migrate(pool);
  const { backend } = await loadTf();
  await loadForecastModels();
  // Fifty catalog products: the fifteen simulated profiles, each again under other seeds as other items
  // of the same kind (the catalog has several brands of most things).
  const shop = await createShop(pool, {
    name: 'Bench',
    language: 'en',
    stateCode: 'UP',
    ownerPhone: '+919800000099',
  });
  const catalog = await pool.query<{ catalog_id: string }>(
    'SELECT catalog_id FROM products WHERE shop_id = $1 ORDER BY id',
    [shop.id],
  );
  const profiles = new Set(PRODUCT_PROFILES.map((p) => p.id));
  const others = catalog.rows.map((r) => r.catalog_id).filter((id) => !profiles.has(id));
  const end = addDays(AS_OF, -1);
  const start = addDays(end, 1 - DAYS);
  const festivals = festivalsBetween(Number(start.slice(0, 4)), Number(end.slice(0, 4)) + 1, { state: 'UP' });
  const records: Array<{ line: number; date: string; product: string; quantity: string; price: string }> = [];
  for (let copy = 0; records.length === 0 || new Set(records.map((r) => r.product)).size < PRODUCTS; copy++) {
    const simulated = simulateShopSales({ startDate: start, days: DAYS, seed: 100 + copy, festivals });
    for (const row of simulated.rows) {
      const index = PRODUCT_PROFILES.findIndex((p) => p.id === row.product) + copy * PRODUCT_PROFILES.length;
      if (index >= PRODUCTS || row.quantity <= 0) continue;
      const product = copy === 0 ? row.product : others[index - PRODUCT_PROFILES.length];
      if (!product) continue;
      records.push({
        line: records.length + 2,
        date: row.date,
        product,
        quantity: String(row.quantity),
        price: String(paiseToRupees(row.pricePaise)),
      });
    }
  }
  await importSales({ pool }, { shopId: shop.id, records, source: 'bench', today: AS_OF });
  const queued: string[] = [];
  const queue: JobPublisher = {
    async publish(_name, _payload, options) {
      queued.push(options?.jobId ?? '');
    },
  };
  process.stdout.write(
    `nightly bench: ${PRODUCTS} products x ${DAYS} days (${records.length} sales rows), tf backend ${backend}\n`,
  );
  const walls: number[] = [];
  const stalls: number[] = [];
  const cpus: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Each run trains from scratch: the registry would otherwise (rightly) skip a version it has.
    await pool.query('DELETE FROM model_versions WHERE shop_id = $1', [shop.id]);
    peakRss = 0;
    // The longest stretch the job kept the event loop busy: in an all-in-one process, how long an
    // inbound chat message could wait behind training.
    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const features = await buildShopFeatures(
      { pool, queue },
      { shopId: shop.id, asOf: AS_OF, reason: 'nightly' },
      new Date(),
    );
    const t1 = performance.now();
    const trained = await trainShopForecasts(
      { pool, models: loadForecastModels },
      { shopId: shop.id, asOf: AS_OF, reason: 'nightly' },
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    stall.disable();
    stalls.push(stall.max / 1e6);
    walls.push(wall);
    cpus.push((cpu.user + cpu.system) / 1e6);
    const [load1] = (await import('node:os')).loadavg();
    process.stdout.write(
      `run ${run}: wall ${wall.toFixed(2)} s (features ${((t1 - t0) / 1000).toFixed(2)} s), ` +
        `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, longest event-loop stall ${stalls.at(-1)!.toFixed(0)} ms, peak rss ${Math.round(peakRss / 2 ** 20)} MiB, ` +
        `${features.series} series, ${trained.forecastRows} forecast rows, load ${load1?.toFixed(1)}\n`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  process.stdout.write(
    `median wall ${median(walls).toFixed(2)} s, median cpu ${median(cpus).toFixed(2)} s (goal < 10 s wall), ` +
      `median longest stall ${median(stalls).toFixed(0)} ms\n`,
  );
} finally {
  clearInterval(sampler);
  await pool.end();
  await adminPool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminPool.end();
}
