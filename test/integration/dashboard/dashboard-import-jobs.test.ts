import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runDashboardImportJob from '../../../jobs/run-dashboard-import.js';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import {
  createDashboardDataRepository,
  type DashboardImportRow,
} from '../../../src/adapters/postgres/repositories/dashboard-data.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { shopQueryable, systemQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import { type BullQueues, createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { startWorkers, type WorkerPool } from '../../../src/adapters/queue/bullmq-workers.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { runImport } from '../../../src/app/dashboard/csv-imports.js';
import { runCsvImport } from '../../../src/app/dashboard/run-csv-import.js';
import { importFeaturesJobId } from '../../../src/app/forecasting/forecast-recipe.js';
import { recoverPending } from '../../../src/app/recover-pending.js';
import { hashText, importSales } from '../../../src/app/sales-import/import-sales.js';
import { addDays } from '../../../src/core/inventory/index.js';
import { localDate } from '../../../src/core/language/days.js';
import { readSalesCsv } from '../../../src/core/sales-import/sales-csv.js';
import { waitFor } from '../support/app.js';
import {
  createTestDatabase,
  type DatabaseKind,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

// Dashboard CSV imports as queue jobs: the run click claims the staged upload and queues one job; a
// worker that dies mid-import leaves it 'running' until the recovery sweep queues it again, and the
// resumed run finishes it with every row once. The shop's forecast run is queued once per import.

const RUNNING_STATES = ['waiting', 'delayed', 'prioritized', 'active'] as const;

describe.each(['postgres', 'pglite'] satisfies DatabaseKind[])('dashboard import jobs on %s', (kind) => {
  const producer = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
  const workerConnection = createRedisConnection({ url: TEST_REDIS_URL, role: 'worker' });
  let db: TestDatabase;
  let queues: BullQueues;
  let workers: WorkerPool;
  let shopId: number;
  let day: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await waitForRedis(producer);
    const prefix = testQueuePrefix();
    queues = createBullQueues({ connection: producer, prefix });
    // Only the import queue is worked here: the forecast jobs it queues stay in Redis to be counted.
    workers = startWorkers({
      connection: workerConnection,
      prefix,
      processors: { imports: runDashboardImportJob({ pool: db.pool, queue: queues }) },
      concurrency: { imports: 1 },
    });
    const shop = await withTransaction(db.pool, (client) =>
      createShop(client, { name: 'Gupta Kirana', ownerPhone: '+919800000401', language: 'en' }),
    );
    shopId = shop.id;
    day = addDays(localDate(new Date(), 'Asia/Kolkata'), -30);
  }, 120_000);

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    producer.disconnect();
    workerConnection.disconnect();
    await db?.drop();
  });

  const shopRepository = () => createDashboardDataRepository(shopQueryable(db.pool, shopId));

  async function stagedImport(csv: string): Promise<DashboardImportRow> {
    const repository = shopRepository();
    const id = await repository.createImport(shopId, 'book.csv');
    expect(await repository.appendPart(id, 0, csv)).toBe(true);
    return (await repository.findImport(id))!;
  }

  const finished = (id: number) =>
    waitFor(
      async () => {
        const row = await shopRepository().findImport(id);
        return row?.status === 'done' || row?.status === 'failed' ? row : undefined;
      },
      { timeoutMs: 60_000, what: `import ${id} to finish` },
    );

  async function salesOn(date: string): Promise<{ n: number; units: number }> {
    const result = await db.pool.query<{ n: number; units: number }>(
      `SELECT count(*)::int AS n, coalesce(sum(quantity), 0)::int AS units
       FROM sales WHERE shop_id = $1 AND sale_date = $2`,
      [shopId, date],
    );
    return result.rows[0]!;
  }

  async function importForecastJobs(): Promise<string[]> {
    const jobs = await queues.queue('features').getJobs([...RUNNING_STATES]);
    return jobs
      .filter((job) => job.data.shopId === shopId && job.data.reason === 'import')
      .map((job) => job.id!)
      .sort();
  }

  function csvOf(date: string, rows: number): { csv: string; units: number } {
    const lines = Array.from({ length: rows }, (_, i) => `${date},maggi,${(i % 5) + 1},14\n`);
    const units = Array.from({ length: rows }, (_, i) => (i % 5) + 1).reduce((a, b) => a + b, 0);
    return { csv: `date,product,quantity,price\n${lines.join('')}`, units };
  }

  it('queues one job per run click, and one forecast run for the import', async () => {
    const { csv, units } = csvOf(day, 40);
    const row = await stagedImport(csv);
    const before = await importForecastJobs();
    expect(await runImport(db.pool, queues, row)).toBe(true);
    // A second click, or a double submit, starts nothing.
    expect(await runImport(db.pool, queues, row)).toBe(false);
    const done = await finished(row.id);
    expect(done.status).toBe('done');
    expect(done).toMatchObject({ doneRows: 40, totalRows: 40 });
    expect(await salesOn(day)).toEqual({ n: 40, units });
    const entryId = (done.result as { entryId: number }).entryId;
    expect(await importForecastJobs()).toEqual([...before, importFeaturesJobId(shopId, entryId)].sort());

    // The same rows again: nothing new in the ledger, so nothing new to forecast.
    const again = await stagedImport(csv);
    expect(await runImport(db.pool, queues, again)).toBe(true);
    const repeated = await finished(again.id);
    expect(repeated.result).toMatchObject({ inserted: 0, alreadyThere: 40 });
    expect(await salesOn(day)).toEqual({ n: 40, units });
    expect(await importForecastJobs()).toEqual([...before, importFeaturesJobId(shopId, entryId)].sort());
  });

  it('resumes an import whose worker died, finishing it with every row once', async () => {
    const date = addDays(day, -1);
    const { csv, units } = csvOf(date, 1_200);
    const row = await stagedImport(csv);
    const repository = shopRepository();
    expect(await repository.claimForRun(row.id)).toBe(true);
    // What a worker that died after two batches leaves behind: their rows, its progress, no job, and
    // no forecast queued.
    const records = readSalesCsv(csv);
    await importSales(
      { pool: db.pool, batchSize: 500 },
      { shopId, records: records.slice(0, 1_000), source: 'book.csv', today: day, fileHash: hashText(csv) },
    );
    await repository.setProgress(row.id, 1_000, 1_200);
    const before = await importForecastJobs();
    const sweep = () =>
      recoverPending(
        { db: db.pool, queue: queues, imports: systemQueryable(db.pool, 'test sweep') },
        { olderThanSeconds: 20, stalledImportSeconds: 300 },
      );

    // Progress from a minute ago: the worker may still be at it, so the sweep leaves it.
    await db.pool.query(
      `UPDATE dashboard_imports SET updated_at = now() - interval '1 minute' WHERE id = $1`,
      [row.id],
    );
    expect((await sweep()).imports).toBe(0);
    // Ten minutes without progress: queued again, and the worker finishes it.
    await db.pool.query(
      `UPDATE dashboard_imports SET updated_at = now() - interval '10 minutes' WHERE id = $1`,
      [row.id],
    );
    expect((await sweep()).imports).toBe(1);
    const done = await finished(row.id);
    expect(done).toMatchObject({ status: 'done', doneRows: 1_200, totalRows: 1_200 });
    expect(done.result).toMatchObject({ inserted: 200, alreadyThere: 1_000, problemCount: 0 });
    expect(await salesOn(date)).toEqual({ n: 1_200, units });
    const entryId = (done.result as { entryId: number }).entryId;
    expect(await importForecastJobs()).toEqual([...before, importFeaturesJobId(shopId, entryId)].sort());

    // A later sweep, a retried job and a late duplicate all change nothing.
    expect((await sweep()).imports).toBe(0);
    await runCsvImport({ pool: db.pool, queue: queues }, { shopId, importId: row.id });
    expect(await shopRepository().findImport(row.id)).toEqual(done);
    expect(await salesOn(date)).toEqual({ n: 1_200, units });
    expect(await importForecastJobs()).toEqual([...before, importFeaturesJobId(shopId, entryId)].sort());
  });
});
