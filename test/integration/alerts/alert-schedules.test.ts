import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { scheduleId } from '../../../src/adapters/queue/shop-schedules.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// Every shop gets its alert schedules without anyone asking: those that exist when a worker starts, and
// those created later (onboarding, demo seed, import) on the worker's next sweep. An alerts job put on the
// real queue is worked by the worker role's alerts processor.

describe('alert schedules and the alerts queue', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;
  let firstShop: number;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    firstShop = (
      await withTransaction(database.pool, (c) =>
        createShop(c, { name: 'Pehli Dukan', ownerPhone: '+919822200001', language: 'hi-Latn', catalog: [] }),
      )
    ).id;
    app = await startTestApp({ databaseUrl: database.url, roles: ['worker'] });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const schedulerKeys = async () =>
    new Set((await app.services.queues.queue('alerts').getJobSchedulers()).map((s) => s.key));

  it('upserts the morning, evening and weekly schedules of existing shops at worker start', async () => {
    // The three upserts land one after another: wait for the last before reading the set.
    const keys = await waitFor(async () => {
      const found = await schedulerKeys();
      return found.has(scheduleId('weekly-summary', firstShop)) ? found : undefined;
    });
    expect(keys.has(scheduleId('morning-alerts', firstShop))).toBe(true);
    expect(keys.has(scheduleId('evening-alerts', firstShop))).toBe(true);
    expect(keys.has(scheduleId('weekly-summary', firstShop))).toBe(true);
    const features = await app.services.queues.queue('features').getJobSchedulers();
    expect(features.map((s) => s.key)).toContain(scheduleId('nightly-forecast', firstShop));
  });

  it('gives a shop created later its schedules on the next sweep, once', async () => {
    const later = (
      await withTransaction(database.pool, (c) =>
        createShop(c, { name: 'Doosri Dukan', ownerPhone: '+919822200002', language: 'en', catalog: [] }),
      )
    ).id;
    await waitFor(async () => (await schedulerKeys()).has(scheduleId('morning-alerts', later)), {
      what: 'schedules of the new shop',
    });
    // Further sweeps change nothing: one schedule per shop and kind.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const all = await app.services.queues.queue('alerts').getJobSchedulers();
    expect(all.filter((s) => s.key.endsWith(`-shop-${later}`))).toHaveLength(3);
    expect(all.filter((s) => s.key.endsWith(`-shop-${firstShop}`))).toHaveLength(3);
  });

  it('works an alerts job from the real queue', async () => {
    const queue = app.services.queues.queue('alerts');
    await app.services.queues.publish(
      'alerts',
      { shopId: firstShop, kind: 'morning' },
      { jobId: 'test-alerts-1' },
    );
    const job = await waitFor(async () => {
      const found = await queue.getJob('test-alerts-1');
      return found && (await found.isCompleted()) ? found : undefined;
    });
    expect(job.failedReason).toBeUndefined();
  });
});
