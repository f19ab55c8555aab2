import { Redis } from 'ioredis';
import { waitUntil } from '../bench/pipeline/app-processes.js';
import { type FaultResult, newIdPrefix, startFaultStack, verdict } from './support/fault-stack.js';
import { startPrivateRedis } from './support/private-redis.js';
import { closeSalesGate, installSalesGate } from './support/sales-gate.js';
import { newTally, postSales } from './support/traffic.js';

// kill -9 of a worker in the middle of a batch of sales, at three points:
//  - before the ledger commit: jobs hold open transactions with sale rows written (the sales gate);
//  - after the ledger commit, replies queued (SIM_DELIVERY=queued, as a real channel): transactions
//    committed, but the replies not yet queued (Redis writes paused);
//  - after the ledger commit, replies on record (the simulator's default): transactions committed with
//    their replies sent, but the jobs' completion not yet in Redis, so the jobs run again.
// A fresh worker must then answer every accepted message exactly once, with each sale recorded once.

export type KillPoint = 'before-commit' | 'after-commit' | 'after-commit-on-record';

const MESSAGES = 40;

export async function workerKillFault(point: KillPoint): Promise<FaultResult> {
  const redis = await startPrivateRedis();
  const delivery = point === 'after-commit' ? 'queued' : 'on-record';
  const stack = await startFaultStack({
    redisUrl: redis.url,
    workerConcurrency: 4,
    env: { SIM_DELIVERY: delivery },
  });
  const control = new Redis(redis.url);
  try {
    await installSalesGate(stack.database.pool);
    const gate = await closeSalesGate(stack.database.url);
    const victim = await stack.startWorker();
    const idPrefix = newIdPrefix(
      { 'before-commit': 'kb', 'after-commit': 'ka', 'after-commit-on-record': 'kr' }[point],
    );
    const tally = newTally();
    await postSales(stack.port, tally, { count: MESSAGES, idPrefix, shops: stack.shops });
    await waitUntil(async () => (await gate.waiting()) >= 2, 30_000, 'jobs waiting at the sales gate');
    const committedCount = async () =>
      (
        await stack.database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM inbound_messages WHERE message_id LIKE $1 AND status = 'processed'`,
          [`${idPrefix}-%`],
        )
      ).rows[0]?.n ?? 0;

    let committedAtKill = 0;
    if (point !== 'before-commit') {
      // Writes to Redis wait, so the committed jobs cannot queue their replies (nor take new jobs).
      await control.call('CLIENT', 'PAUSE', '60000', 'WRITE');
      await gate.open();
      await waitUntil(async () => (await committedCount()) >= 2, 20_000, 'transactions committed');
      committedAtKill = await committedCount();
      await stack.killWorker(victim);
      await control.call('CLIENT', 'UNPAUSE');
    } else {
      await stack.killWorker(victim);
      committedAtKill = await committedCount();
      await gate.open();
    }
    const replies = async (status: 'queued' | 'sent') =>
      (
        await stack.database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbound_messages o JOIN inbound_messages i ON i.id = o.inbound_message_id
           WHERE i.message_id LIKE $1 AND o.status = $2`,
          [`${idPrefix}-%`, status],
        )
      ).rows[0]?.n ?? 0;
    const queuedReplies = await replies('queued');
    const sentReplies = await replies('sent');

    await stack.startWorker();
    const settled = await stack.settle(idPrefix, 120_000);
    const totals = await stack.totals(idPrefix, tally);
    const checks = [
      { what: `all ${MESSAGES} accepted before the kill`, ok: tally.accepted === MESSAGES },
      point === 'before-commit'
        ? {
            what: `nothing committed past the gate at the kill (${committedAtKill})`,
            ok: committedAtKill === 0,
          }
        : point === 'after-commit'
          ? {
              what: `kill struck after commit with replies unqueued (${committedAtKill} committed, ${queuedReplies} replies queued)`,
              ok: committedAtKill > 0 && queuedReplies > 0,
            }
          : {
              what: `kill struck after commit with replies on record (${committedAtKill} committed, ${sentReplies} sent, ${queuedReplies} queued)`,
              ok: committedAtKill > 0 && sentReplies >= committedAtKill && queuedReplies === 0,
            },
      { what: 'every accepted message answered after a fresh worker started', ok: settled },
    ];
    return verdict(`kill -9 worker ${point}`, checks, totals);
  } finally {
    control.disconnect();
    await stack.stop();
    await redis.stop();
  }
}
