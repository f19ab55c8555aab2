import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { startWorkers } from '../../../src/adapters/queue/bullmq-workers.js';
import { QueueUnavailableError } from '../../../src/adapters/queue/payloads.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { createHttpApp } from '../../../src/http/app.js';
import { createSimulatorRoutes } from '../../../src/http/simulator-routes.js';
import { waitFor } from '../support/app.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

describe('BullMQ queues on real Redis', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('delivers typed payloads to workers and dedupes on job id', async () => {
    const prefix = testQueuePrefix();
    const producer = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
    const workerConnection = createRedisConnection({ url: TEST_REDIS_URL, role: 'worker' });
    await waitForRedis(producer);
    const queues = createBullQueues({ connection: producer, prefix });
    const seen: number[] = [];
    const workers = startWorkers({
      connection: workerConnection,
      prefix,
      processors: { inbound: async (payload) => void seen.push(payload.inboundMessageId) },
      concurrency: { inbound: 2 },
    });
    cleanups.push(async () => {
      await workers.close();
      await queues.close();
      producer.disconnect();
      workerConnection.disconnect();
    });
    // A job whose id still exists is not added again, whatever its payload.
    await queues.publish('inbound', { inboundMessageId: 1 }, { jobId: 'in-1', delayMs: 300 });
    await queues.publish('inbound', { inboundMessageId: 1 }, { jobId: 'in-1' });
    await queues.publish('inbound', { inboundMessageId: 2 }, { jobId: 'in-2' });
    await waitFor(async () => seen.length >= 2);
    await new Promise((resolveWait) => setTimeout(resolveWait, 600));
    expect(seen.sort()).toEqual([1, 2]);
    const keys = await producer.keys(`${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`${prefix}:`))).toBe(true);
  });

  it('fails fast with QueueUnavailableError when Redis cannot be reached', async () => {
    const producer = createRedisConnection({ url: 'redis://127.0.0.1:1', role: 'producer' });
    const queues = createBullQueues({
      connection: producer,
      prefix: testQueuePrefix(),
      publishTimeoutMs: 1_000,
    });
    cleanups.push(async () => {
      await queues.close().catch(() => {});
      producer.disconnect();
    });
    const started = Date.now();
    await expect(queues.publish('inbound', { inboundMessageId: 1 })).rejects.toBeInstanceOf(
      QueueUnavailableError,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('simulator while Redis is down', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('answers 503 quickly and keeps no half-accepted message', async () => {
    const producer = createRedisConnection({ url: 'redis://127.0.0.1:1', role: 'producer' });
    const queues = createBullQueues({
      connection: producer,
      prefix: testQueuePrefix(),
      publishTimeoutMs: 1_000,
    });
    try {
      const app = createHttpApp({ routes: [createSimulatorRoutes({ db: database.pool, queue: queues })] });
      const response = await app.request('/api/sim/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: '+919800000001', text: 'hi', id: 'x-1' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const rows = await database.pool.query('SELECT count(*)::int AS n FROM inbound_messages');
      expect(rows.rows[0].n).toBe(0);
    } finally {
      await queues.close().catch(() => {});
      producer.disconnect();
    }
  });
});
