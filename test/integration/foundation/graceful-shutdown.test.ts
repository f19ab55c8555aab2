import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/app.js';
import { spawnBillMitra } from '../support/child-process.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

describe('SIGTERM with messages in flight', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('loses none: after a restart every accepted message is answered exactly once', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: '0',
      HOST: '127.0.0.1',
      // One inbound job at a time, its messages one by one, keeps a backlog in the queue when the signal
      // arrives (a job carries the messages accepted together, up to 32).
      INBOUND_TRANSACTIONS: '1',
      INBOUND_BATCH_SIZE: '1',
      WORKER_CONCURRENCY: '1',
    };
    const first = await spawnBillMitra(env);
    const total = 60;
    const accepted: string[] = [];
    await Promise.all(
      Array.from({ length: total }, async (_, index) => {
        const response = await fetch(`http://127.0.0.1:${first.port}/api/sim/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            from: `+9198000${String(index % 7).padStart(5, '0')}`,
            text: 'help',
            id: `m-${index}`,
          }),
        });
        if (response.status === 202) accepted.push(`m-${index}`);
      }),
    );
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const processedBeforeRestart = (
      await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbound_messages WHERE status = 'processed'`,
      )
    ).rows[0]!.n;
    expect(accepted).toHaveLength(total);
    // The restart must have something left to do, or this test shows nothing.
    expect(processedBeforeRestart).toBeLessThan(total);

    const second = await spawnBillMitra({ ...env, INBOUND_TRANSACTIONS: '4', INBOUND_BATCH_SIZE: '32' });
    try {
      await waitFor(
        async () => {
          const { rows } = await database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbound_messages WHERE status = 'sent'`,
          );
          return rows[0]!.n >= total;
        },
        { timeoutMs: 120_000, what: 'every message answered' },
      );
      const perMessage = await database.pool.query<{ message_id: string; replies: number }>(
        `SELECT i.message_id, count(o.id)::int AS replies
         FROM inbound_messages i LEFT JOIN outbound_messages o ON o.inbound_message_id = i.id AND o.status = 'sent'
         GROUP BY i.message_id`,
      );
      expect(perMessage.rows).toHaveLength(total);
      expect(perMessage.rows.every((row) => row.replies === 1)).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 240_000);
});
