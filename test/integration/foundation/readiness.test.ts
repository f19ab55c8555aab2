import { describe, expect, it } from 'vitest';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { createHealthRoutes } from '../../../src/http/health-routes.js';
import { readinessChecks } from '../../../src/runtime/readiness.js';
import { useDatabaseAndRedis } from '../support/database-and-redis.js';
import { testQueuePrefix } from '../support/services.js';

describe('/readyz', () => {
  const services = useDatabaseAndRedis();
  const { redis } = services;

  it('turns red when no worker serves the inbound queue and when messages wait too long', async () => {
    const queues = createBullQueues({ connection: redis, prefix: testQueuePrefix() });
    let now = Date.now();
    const app = createHealthRoutes({
      checks: readinessChecks({
        db: services.database.pool,
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
