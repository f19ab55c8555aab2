import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { createHealthRoutes } from '../../../src/http/health-routes.js';
import { readinessChecks } from '../../../src/runtime/readiness.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

describe('/readyz', () => {
  let database: TestDatabase;
  const redis = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await waitForRedis(redis);
  });
  afterAll(async () => {
    redis.disconnect();
    await database?.drop();
  });

  it('turns red when no worker serves the inbound queue and when messages wait too long', async () => {
    const queues = createBullQueues({ connection: redis, prefix: testQueuePrefix() });
    let now = Date.now();
    const app = createHealthRoutes({
      checks: readinessChecks({
        db: database.pool,
        redis,
        inboundQueue: queues.queue('inbound'),
        maxInboundWaitMs: 60_000,
        clock: () => now,
      }),
    });
    const first = await app.request('/readyz');
    expect(first.status).toBe(503);
    expect(await first.json()).toMatchObject({
      checks: {
        postgres: 'ok',
        redis: 'ok',
        workers: 'no inbound worker connected',
        'inbound-progress': 'ok',
      },
    });

    await queues.publish('inbound', { inboundMessageId: 42 });
    now += 61_000;
    const stuck = (await (await app.request('/readyz')).json()) as { checks: Record<string, string> };
    expect(stuck.checks['inbound-progress']).toMatch(/waited 6\d s/);
    await queues.close();
  });
});
