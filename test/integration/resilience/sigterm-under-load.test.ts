import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedShops } from '../../../scripts/bench/pipeline/bench-database.js';
import { ledgerTotals, totalsAgree } from '../../../scripts/faults/support/ledger-totals.js';
import {
  newTally,
  postSale,
  record,
  SALE_LINES,
  SALE_UNITS,
} from '../../../scripts/faults/support/traffic.js';
import { waitFor } from '../support/app.js';
import { spawnBillMitra } from '../support/child-process.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

// SIGTERM while sales keep arriving: the process stops accepting, finishes or hands back what it holds and
// exits 0; after a restart every accepted sale is recorded once and answered once.

describe('SIGTERM under a steady stream of sales', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await seedShops(database.pool, 6);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('drains: exits 0, and after a restart each accepted sale is recorded and answered exactly once', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: testQueuePrefix(),
      PORT: '0',
      HOST: '127.0.0.1',
      WORKER_CONCURRENCY: '2',
    };
    const first = await spawnBillMitra(env);
    const tally = newTally();
    const idPrefix = 'sigterm';
    let posting = true;
    const inFlight: Array<Promise<void>> = [];
    const traffic = (async () => {
      while (posting) {
        const index = tally.next++;
        inFlight.push(postSale(first.port, index, idPrefix, 6).then((outcome) => record(tally, outcome)));
        await new Promise((resolveWait) => setTimeout(resolveWait, 40));
      }
    })();
    await waitFor(async () => tally.accepted >= 40, { timeoutMs: 30_000, what: 'sales accepted' });

    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    const code = await first.exited;
    const stopMs = Date.now() - signalledAt;
    posting = false;
    await traffic;
    await Promise.all(inFlight);
    expect(code).toBe(0);
    // Within the default 15 s grace, with room for a loaded machine.
    expect(stopMs).toBeLessThan(25_000);
    // Requests after the listener closed were refused, never half-accepted.
    const rows = await database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbound_messages WHERE message_id LIKE 'sigterm-%'`,
    );
    expect(rows.rows[0]!.n).toBe(tally.accepted);

    const second = await spawnBillMitra({ ...env, WORKER_CONCURRENCY: '8' });
    try {
      const totals = await waitFor(
        async () => {
          const now = await ledgerTotals(database.pool, {
            idPrefix,
            sent: tally.sent,
            accepted: tally.accepted,
            unitsPerMessage: SALE_UNITS,
            linesPerMessage: SALE_LINES,
          });
          return now.repliesSent >= tally.accepted ? now : undefined;
        },
        { timeoutMs: 60_000, what: 'every accepted sale answered' },
      );
      expect(totals.doubled).toBe(0);
      expect(totals.partial).toBe(0);
      expect(totalsAgree(totals)).toBe(true);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    // Usually ~20 s; the margin is for a machine shared with other test runs.
  }, 150_000);
});
