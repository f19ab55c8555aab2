import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../src/adapters/postgres/pool.js';
import { type BullQueues, createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { QueueUnavailableError } from '../../../src/adapters/queue/payloads.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import type { InboundDelivery } from '../../../src/app/accept-inbound.js';
import { createInboundGroupCommit } from '../../../src/app/inbound-group-commit.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

// Deliveries accepted together share one INSERT and one bulk queue add; each caller must still get what
// it got alone: accepted once, a replay answered as a duplicate of the same row, and nothing kept when
// the queue cannot take the batch.

const delivery = (chat: number, id: string): InboundDelivery => ({
  channel: 'simulator',
  chatId: `+9198500000${String(chat).padStart(2, '0')}`,
  messageId: id,
  text: 'redacted in logs, stored in the row',
});

/** The pool, counting the statements sent through it. */
function counting(db: Queryable): { db: Queryable; statements: () => number } {
  let statements = 0;
  const query = (...args: unknown[]) => {
    statements += 1;
    return (db.query as (...a: unknown[]) => unknown).apply(db, args);
  };
  return { db: { query } as unknown as Queryable, statements: () => statements };
}

describe('inbound group commit', () => {
  let database: TestDatabase;
  const redis = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
  let queues: BullQueues;
  const rowCount = async () =>
    (await database.pool.query('SELECT count(*)::int AS n FROM inbound_messages')).rows[0].n as number;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await waitForRedis(redis);
    queues = createBullQueues({ connection: redis, prefix: testQueuePrefix() });
  });
  afterAll(async () => {
    await queues?.close();
    redis.disconnect();
    await database?.drop();
  });

  it('accepts each of many concurrent deliveries once, in few statements, replays as duplicates', async () => {
    const counted = counting(database.pool);
    const group = createInboundGroupCommit({ db: counted.db, queue: queues });
    const originals = Array.from({ length: 30 }, (_, index) => delivery(index % 7, `gc-${index}`));
    const replays = [0, 3, 3, 29].map((index) => originals[index]!);
    const answers = await Promise.all([...originals, ...replays].map((each) => group.accept(each)));

    const first = answers.slice(0, 30);
    expect(first.every((answer) => answer.status === 'accepted')).toBe(true);
    expect(new Set(first.map((answer) => answer.inboundMessageId)).size).toBe(30);
    expect(answers.slice(30)).toEqual(
      [0, 3, 3, 29].map((index) => ({
        status: 'duplicate',
        inboundMessageId: first[index]!.inboundMessageId,
      })),
    );
    expect(counted.statements()).toBeLessThan(10);
    expect(await rowCount()).toBe(30);
    const jobs = await queues.queue('inbound').getJobs(['waiting', 'prioritized']);
    expect(jobs.map((job) => job.data.inboundMessageId).sort((a, b) => a - b)).toEqual(
      first.map((answer) => answer.inboundMessageId).sort((a, b) => a - b),
    );

    // A replay arriving later, alone, is answered from the stored row.
    expect(await group.accept(originals[5]!)).toEqual({
      status: 'duplicate',
      inboundMessageId: first[5]!.inboundMessageId,
    });
  });

  it('keeps none of a batch whose jobs cannot be queued, so the senders retry and are accepted', async () => {
    const before = await rowCount();
    const down = createRedisConnection({ url: 'redis://127.0.0.1:1', role: 'producer' });
    const unreachable = createBullQueues({
      connection: down,
      prefix: testQueuePrefix(),
      publishTimeoutMs: 500,
    });
    try {
      const failing = createInboundGroupCommit({ db: database.pool, queue: unreachable });
      const tries = Array.from({ length: 6 }, (_, index) => delivery(20 + index, `gc-down-${index}`));
      const outcomes = await Promise.allSettled(tries.map((each) => failing.accept(each)));
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(QueueUnavailableError);
      }
      expect(await rowCount()).toBe(before);

      const working = createInboundGroupCommit({ db: database.pool, queue: queues });
      const retried = await Promise.all(tries.map((each) => working.accept(each)));
      expect(retried.map((answer) => answer.status)).toEqual(tries.map(() => 'accepted'));
      expect(await rowCount()).toBe(before + 6);
    } finally {
      await unreachable.close().catch(() => {});
      down.disconnect();
    }
  });
});
