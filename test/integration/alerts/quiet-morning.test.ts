import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runAlertsJob from '../../../jobs/run-alerts.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { createOctoberShop, istMoment, type OctoberShop } from './october-shop.js';

// A shop whose quiet hours end at 09:00 sleeps through the 08:00 morning schedule: the job puts itself
// back on the real queue for 09:00 instead of dropping the day's morning alerts.

describe('morning alerts of a shop that wakes after the schedule', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;
  let shop: OctoberShop;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    shop = await createOctoberShop(database.pool);
    await database.pool.query(`UPDATE shops SET quiet_end = '09:00' WHERE id = $1`, [shop.shopId]);
    // Web role only: the queues exist, but no worker takes the deferred job before the test looks at it.
    app = await startTestApp({ databaseUrl: database.url, roles: ['web'] });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('sends nothing at 08:00, queues a run for 09:00, and that run sends the Diwali list', async () => {
    let now = istMoment('2025-10-06', '08:00');
    const processor = runAlertsJob({
      pool: app.services.pool,
      queue: app.services.queues,
      translator: app.services.translator,
      channelName: 'simulator',
      clock: () => now,
    });
    await processor({ shopId: shop.shopId, kind: 'morning' });
    const none = await database.pool.query('SELECT 1 FROM alerts_sent WHERE shop_id = $1', [shop.shopId]);
    expect(none.rowCount).toBe(0);

    const delayed = await app.services.queues.queue('alerts').getDelayed();
    const deferred = delayed.filter((job) => job.data.shopId === shop.shopId);
    expect(deferred).toHaveLength(1);
    expect(deferred[0]!.data.kind).toBe('morning-after-quiet');
    expect(deferred[0]!.opts.delay).toBe(60 * 60_000);

    now = istMoment('2025-10-06', '09:00');
    await processor(deferred[0]!.data);
    const sent = await database.pool.query<{ kind: string; festival: string | null }>(
      'SELECT kind, festival_id AS festival FROM alerts_sent WHERE shop_id = $1 ORDER BY id',
      [shop.shopId],
    );
    expect(sent.rows).toContainEqual({ kind: 'festival-restock', festival: 'diwali' });
    // The deferred run itself does not defer again.
    expect((await app.services.queues.queue('alerts').getDelayed()).length).toBe(delayed.length);
  });
});
