import { afterEach, describe, expect, it } from 'vitest';
import { type BullQueues, createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import {
  SHOP_SCHEDULES,
  scheduleId,
  storedShopSchedules,
  upsertShopSchedules,
} from '../../../src/adapters/queue/shop-schedules.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { TEST_REDIS_URL, testQueuePrefix } from '../support/services.js';

describe('per-shop job schedulers', () => {
  const opened: Array<{ queues: BullQueues; close: () => void }> = [];
  afterEach(async () => {
    for (const { queues, close } of opened.splice(0)) {
      await queues.close();
      close();
    }
  });

  async function processLike(prefix: string) {
    const redis = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
    await waitForRedis(redis);
    const queues = createBullQueues({ connection: redis, prefix });
    opened.push({ queues, close: () => redis.disconnect() });
    return queues;
  }

  it('leaves exactly one schedule per shop and kind when three processes upsert at once', async () => {
    const prefix = testQueuePrefix();
    const processes = await Promise.all([processLike(prefix), processLike(prefix), processLike(prefix)]);
    const shops = [
      { shopId: 1, timeZone: 'Asia/Kolkata' },
      { shopId: 2, timeZone: 'Asia/Kolkata' },
    ];
    await Promise.all(processes.flatMap((queues) => shops.map((shop) => upsertShopSchedules(queues, shop))));
    // And again, as a restart would.
    await Promise.all(processes.map((queues) => upsertShopSchedules(queues, shops[0]!)));

    const alerts = await processes[0]!.queue('alerts').getJobSchedulers();
    const features = await processes[0]!.queue('features').getJobSchedulers();
    const perQueue = (queue: string) => SHOP_SCHEDULES.filter((spec) => spec.queue === queue).length;
    expect(alerts).toHaveLength(perQueue('alerts') * shops.length);
    expect(features).toHaveLength(perQueue('features') * shops.length);
    expect(new Set(alerts.map((s) => s.key)).size).toBe(alerts.length);
    const morning = alerts.find((s) => s.key === 'morning-alerts-shop-1');
    expect(morning?.pattern).toBe('0 8 * * *');
    expect(morning?.tz).toBe('Asia/Kolkata');
  });

  it('upserts on a restart only the schedules that are missing or out of date', async () => {
    const queues = await processLike(testQueuePrefix());
    const kolkata = { shopId: 7, timeZone: 'Asia/Kolkata' };
    expect(await upsertShopSchedules(queues, kolkata, await storedShopSchedules(queues))).toBe(
      SHOP_SCHEDULES.length,
    );
    const stored = await storedShopSchedules(queues);
    expect([...stored.keys()].sort()).toEqual(SHOP_SCHEDULES.map((spec) => scheduleId(spec.kind, 7)).sort());
    // A restart: everything is right already, nothing is upserted.
    expect(await upsertShopSchedules(queues, kolkata, stored)).toBe(0);
    // The shop moved to another time zone: each of its schedules is upserted again, in the new zone.
    const moved = { shopId: 7, timeZone: 'Asia/Kathmandu' };
    expect(await upsertShopSchedules(queues, moved, stored)).toBe(SHOP_SCHEDULES.length);
    const morning = (await queues.queue('alerts').getJobSchedulers()).find(
      (scheduler) => scheduler.key === scheduleId('morning-alerts', 7),
    );
    expect(morning?.tz).toBe('Asia/Kathmandu');
    expect(await upsertShopSchedules(queues, moved, await storedShopSchedules(queues))).toBe(0);
  });
});
