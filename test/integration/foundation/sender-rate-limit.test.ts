import { describe, expect, it } from 'vitest';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { createSenderRateLimiter } from '../../../src/adapters/redis/sender-rate-limiter.js';
import { createHttpApp } from '../../../src/http/app.js';
import { createSimulatorRoutes } from '../../../src/http/simulator-routes.js';
import { useDatabaseAndRedis } from '../support/database-and-redis.js';
import { testQueuePrefix } from '../support/services.js';

describe('per-sender rate limiting on inbound', () => {
  const services = useDatabaseAndRedis();
  const { redis } = services;

  it('sinks a flooding sender behind others and refuses it past the hard limit', async () => {
    const limiter = createSenderRateLimiter({ redis, prefix: testQueuePrefix(), fairShare: 2, hardLimit: 4 });
    const now = new Date('2026-11-24T10:00:10Z');
    const flood = [];
    for (let i = 0; i < 5; i += 1) flood.push(await limiter.admit('simulator:+919800000001', now));
    expect(flood.map((a) => a.allowed)).toEqual([true, true, true, true, false]);
    expect(flood.slice(0, 4).map((a) => a.priority)).toEqual([1, 1, 2, 3]);
    // Another sender in the same minute is untouched; the flooder is admitted again next window.
    expect(await limiter.admit('simulator:+919800000002', now)).toEqual({ allowed: true, priority: 1 });
    expect((await limiter.admit('simulator:+919800000001', new Date('2026-11-24T10:01:10Z'))).allowed).toBe(
      true,
    );
  });

  it('lets no more than the hard limit through in any window, even a burst straddling a minute boundary', async () => {
    const limiter = createSenderRateLimiter({ redis, prefix: testQueuePrefix(), fairShare: 2, hardLimit: 4 });
    const admitAt = async (iso: string, times: number) => {
      const allowed = [];
      for (let i = 0; i < times; i += 1)
        allowed.push((await limiter.admit('cloud:+919800000003', new Date(iso))).allowed);
      return allowed.filter(Boolean).length;
    };
    // A fixed one-minute window would let 4 in at 10:00:50 and 4 more at 10:01:05.
    expect(await admitAt('2026-11-24T10:00:50Z', 4)).toBe(4);
    expect(await admitAt('2026-11-24T10:01:05Z', 4)).toBe(0);
    // Refused messages do not extend the wait: the first place frees a minute after the burst was admitted.
    expect(await admitAt('2026-11-24T10:01:49Z', 1)).toBe(0);
    expect(await admitAt('2026-11-24T10:01:50Z', 5)).toBe(4);
  });

  it('queues a flooder with a sinking priority and answers 429 past the limit, recording nothing', async () => {
    const prefix = testQueuePrefix();
    const queues = createBullQueues({ connection: redis, prefix });
    const app = createHttpApp({
      routes: [
        createSimulatorRoutes({
          db: services.database.pool,
          queue: queues,
          rateLimiter: createSenderRateLimiter({ redis, prefix, fairShare: 1, hardLimit: 3 }),
        }),
      ],
    });
    const send = (from: string, id: string) =>
      app.request('/api/sim/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, text: 'hi', id }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send('+919811111111', `f-${i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect((await send('+919822222222', 'calm-1')).status).toBe(202);

    const waiting = await queues.queue('inbound').getJobs(['waiting', 'prioritized']);
    const priorities = waiting.map((job) => job.opts.priority ?? 0).sort((a, b) => a - b);
    expect(priorities).toEqual([0, 0, 2, 3]);
    const rows = await services.database.pool.query(
      `SELECT count(*)::int AS n FROM inbound_messages WHERE chat_id = '+919811111111'`,
    );
    expect(rows.rows[0].n).toBe(3);
    await queues.close();
  });
});
