import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppProcess, spawnApp, stopApp } from '../../../scripts/bench/pipeline/app-processes.js';
import { seedShops } from '../../../scripts/bench/pipeline/bench-database.js';
import { SHOP_SCHEDULES } from '../../../src/adapters/queue/shop-schedules.js';
import { waitFor } from '../support/app.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

// Three worker processes starting at the same moment each upsert every shop's schedules. There must be
// one scheduler per shop and kind, one pending run per scheduler, and when the evening slot comes (the
// delayed run promoted) each shop's alert job runs once and sends at most one alert.

const SHOPS = 3;

describe('three processes starting at once', () => {
  let database: TestDatabase;
  const prefix = testQueuePrefix();
  const processes: AppProcess[] = [];
  let connection: Redis;
  let alerts: Queue;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await seedShops(database.pool, SHOPS);
    connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    alerts = new Queue('alerts', { connection, prefix });
  }, 120_000);
  afterAll(async () => {
    await Promise.all(processes.map((app) => stopApp(app)));
    await alerts?.close();
    connection?.disconnect();
    await database?.drop();
  });

  it('create one scheduler per shop and kind, and the evening alert fires once per shop', async () => {
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PORT: '0' };
    for (let i = 0; i < 3; i++) processes.push(spawnApp(`worker-${i + 1}`, env, 'worker'));
    const alertKinds = SHOP_SCHEDULES.filter((spec) => spec.queue === 'alerts').length;
    await waitFor(async () => (await alerts.getWorkersCount()) >= 3, {
      timeoutMs: 90_000,
      what: 'three workers',
    });
    await waitFor(async () => (await alerts.getJobSchedulers()).length >= alertKinds * SHOPS, {
      timeoutMs: 30_000,
      what: 'schedulers',
    });
    // Let the slower processes finish their own upserts too.
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));

    const schedulers = await alerts.getJobSchedulers();
    expect(schedulers).toHaveLength(alertKinds * SHOPS);
    expect(new Set(schedulers.map((s) => s.key)).size).toBe(schedulers.length);
    const delayed = await alerts.getDelayed();
    expect(delayed).toHaveLength(alertKinds * SHOPS);

    const evening = delayed.filter((job) => job.name === 'evening-alerts');
    expect(evening).toHaveLength(SHOPS);
    await Promise.all(evening.map((job) => job.promote()));
    await waitFor(
      async () =>
        (await alerts.getCompleted()).filter((job) => job.name === 'evening-alerts').length >= SHOPS,
      { timeoutMs: 30_000, what: 'the evening alert jobs' },
    );
    await new Promise((resolveWait) => setTimeout(resolveWait, 2_000));

    const completed = (await alerts.getCompleted()).filter((job) => job.name === 'evening-alerts');
    const perShop = new Map<number, number>();
    for (const job of completed) perShop.set(job.data.shopId, (perShop.get(job.data.shopId) ?? 0) + 1);
    expect([...perShop.values()]).toEqual(Array.from({ length: SHOPS }, () => 1));
    // One run may send more than one kind (on a Sunday the weekly summary goes with the evening's), but
    // never the same alert twice, nor the same message twice to one chat.
    const sent = await database.pool.query<{ shop_id: number; n: number }>(
      `SELECT shop_id, kind, count(*)::int AS n FROM alerts_sent GROUP BY shop_id, kind`,
    );
    expect(sent.rows.every((row) => row.n <= 1)).toBe(true);
    const outbound = await database.pool.query<{ chat_id: string; n: number }>(
      `SELECT chat_id, body, count(*)::int AS n FROM outbound_messages GROUP BY chat_id, body`,
    );
    expect(outbound.rows.every((row) => row.n <= 1)).toBe(true);
    // The scheduler moved on to the next evening: still exactly one pending run per scheduler.
    expect(await alerts.getDelayedCount()).toBe(alertKinds * SHOPS);
  }, 150_000);
});
