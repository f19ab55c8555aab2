import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool, type Queryable } from '../../../src/adapters/postgres/pool.js';
import { createInboundMessagesRepository } from '../../../src/adapters/postgres/repositories/inbound-messages.js';
import { channelQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import { type BullQueues, createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { type QueuePayloads, QueueUnavailableError } from '../../../src/adapters/queue/payloads.js';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { createSenderRateLimiter } from '../../../src/adapters/redis/sender-rate-limiter.js';
import { acceptInbound, type InboundDelivery, inboundRow } from '../../../src/app/accept-inbound.js';
import { createInboundGroupCommit } from '../../../src/app/inbound-group-commit.js';
import { SenderRateLimitedError, type SenderRateLimiter } from '../../../src/app/ports.js';
import {
  createTestDatabase,
  type DatabaseKind,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';

// Deliveries accepted together share one statement and one bulk queue add; each caller must still get what
// it got alone: accepted once, a replay answered as a duplicate of the same row, and nothing kept when
// the queue cannot take the batch. Accepting runs as the channels run it: as the application role (under
// row-level security), recording on the bare pool (app_record_inbound scopes itself, migration 084), so
// each batch is one round trip, replays included.

const delivery = (chat: number, id: string): InboundDelivery => ({
  channel: 'simulator',
  chatId: `+9198500000${String(chat).padStart(2, '0')}`,
  messageId: id,
  text: 'redacted in logs, stored in the row',
});

/** The Queryable, counting the queries sent through it (on the bare pool, one query is one round trip). */
function counting(db: Queryable): { db: Queryable; statements: () => number } {
  let statements = 0;
  const query = (...args: unknown[]) => {
    statements += 1;
    return (db.query as (...a: unknown[]) => unknown).apply(db, args);
  };
  return { db: { query } as unknown as Queryable, statements: () => statements };
}

describe.each<DatabaseKind>(['postgres', 'pglite'])('inbound group commit (%s)', (kind) => {
  let database: TestDatabase;
  let app: Pool;
  const redis = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
  let queues: BullQueues;
  const rowCount = async () =>
    (await database.pool.query('SELECT count(*)::int AS n FROM inbound_messages')).rows[0].n as number;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = createPool({ connectionString: database.url, max: 2, role: 'billmitra_app' });
    await waitForRedis(redis);
    queues = createBullQueues({ connection: redis, prefix: testQueuePrefix() });
  });
  afterAll(async () => {
    await queues?.close();
    redis.disconnect();
    await app?.end();
    await database?.drop();
  });

  /** Accepting as the channels wire it: the bare pool counted, and channelQueryable for the rest. */
  const wired = () => {
    const pool = counting(app);
    const scoped = counting(channelQueryable(app));
    return { deps: { db: scoped.db, pool: pool.db }, pool, scoped };
  };
  const queuedJobs = async () =>
    (await queues.queue('inbound').getJobs(['waiting', 'prioritized'])).map(
      (job) => job.data as QueuePayloads['inbound'],
    );
  /** The messages every queued job stands for, a batch's as well as a single message's. */
  const jobIds = async () =>
    (await queuedJobs())
      .flatMap((data) => [data.inboundMessageId, ...(data.alsoInboundMessageIds ?? [])])
      .sort((a, b) => a - b);

  it('accepts each of many concurrent deliveries once, one statement per batch, replays as duplicates', async () => {
    const { deps, pool, scoped } = wired();
    const group = createInboundGroupCommit({ ...deps, queue: queues });
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
    // The first delivery goes alone; the 33 arriving while it is written go together, repeats included.
    expect({ pool: pool.statements(), scoped: scoped.statements() }).toEqual({ pool: 2, scoped: 0 });
    expect(await rowCount()).toBe(30);
    expect(await jobIds()).toEqual(first.map((answer) => answer.inboundMessageId).sort((a, b) => a - b));
    // One job per batch: the first delivery's, and one for the 29 new messages that went together.
    expect((await queuedJobs()).map((data) => 1 + (data.alsoInboundMessageIds?.length ?? 0)).sort()).toEqual([
      1, 29,
    ]);

    // A replay arriving later, alone, is answered from the stored row, in one statement.
    expect(await group.accept(originals[5]!)).toEqual({
      status: 'duplicate',
      inboundMessageId: first[5]!.inboundMessageId,
    });
    expect(pool.statements()).toBe(3);
  });

  it('answers new deliveries, replays and repeats of one batch from one statement, in the order given', async () => {
    const { deps, pool } = wired();
    const inbound = createInboundMessagesRepository(deps.pool);
    const [processed, unqueued] = await inbound.recordMany(
      [delivery(40, 'rm-processed'), delivery(41, 'rm-unqueued')].map(inboundRow),
    );
    await database.pool.query(`UPDATE inbound_messages SET status = 'processed' WHERE id = $1`, [
      processed!.id,
    ]);
    const before = pool.statements();

    const batch = [
      delivery(42, 'rm-new-1'),
      delivery(40, 'rm-processed'),
      delivery(42, 'rm-new-1'),
      delivery(41, 'rm-unqueued'),
      delivery(43, 'rm-new-2'),
      delivery(40, 'rm-processed'),
    ];
    const recorded = await inbound.recordMany(batch.map(inboundRow));
    expect(pool.statements() - before).toBe(1);
    const [newOne, , , , newTwo] = recorded;
    expect(recorded).toEqual([
      { id: newOne!.id, inserted: true, status: 'received' },
      { id: processed!.id, inserted: false, status: 'processed' },
      { id: newOne!.id, inserted: false, status: 'received' },
      { id: unqueued!.id, inserted: false, status: 'received' },
      { id: newTwo!.id, inserted: true, status: 'received' },
      { id: processed!.id, inserted: false, status: 'processed' },
    ]);
    expect(new Set([newOne!.id, newTwo!.id, processed!.id, unqueued!.id]).size).toBe(4);
    expect(await rowCount()).toBe(34);

    // Through the group commit: a replay of a message recorded but never queued (its process died in
    // between) is queued now; a replay of a processed one is not.
    const group = createInboundGroupCommit({ ...deps, queue: queues });
    const jobsBefore = await jobIds();
    expect(jobsBefore).not.toContain(unqueued!.id);
    expect(await group.accept(delivery(41, 'rm-unqueued'))).toEqual({
      status: 'duplicate',
      inboundMessageId: unqueued!.id,
    });
    expect(await group.accept(delivery(40, 'rm-processed'))).toEqual({
      status: 'duplicate',
      inboundMessageId: processed!.id,
    });
    expect(await jobIds()).toEqual([...jobsBefore, unqueued!.id].sort((a, b) => a - b));
  });

  it('accepts a delivery once when two processes record it at the same moment', async () => {
    // Each process's INSERT waits on the other's uncommitted row; its lookup, a later statement, sees it.
    const [one, two] = [wired(), wired()].map(({ deps }) =>
      createInboundGroupCommit({ ...deps, queue: queues }),
    );
    const both = Array.from({ length: 12 }, (_, index) => delivery(46 + (index % 3), `race-${index}`));
    const [first, second] = await Promise.all(
      [one!, two!].map((group) => Promise.all(both.map((each) => group.accept(each)))),
    );
    for (const [index, answer] of first!.entries()) {
      const other = second![index]!;
      expect(other.inboundMessageId).toBe(answer.inboundMessageId);
      expect([answer.status, other.status].sort()).toEqual(['accepted', 'duplicate']);
    }
  });

  it('accepts a delivery of the Cloud API or Baileys (no group commit) in one statement', async () => {
    const { deps, pool, scoped } = wired();
    const accepted = await acceptInbound({ ...deps, queue: queues }, delivery(44, 'single-1'));
    expect(accepted.status).toBe('accepted');
    expect(await acceptInbound({ ...deps, queue: queues }, delivery(44, 'single-1'))).toEqual({
      status: 'duplicate',
      inboundMessageId: accepted.inboundMessageId,
    });
    expect({ pool: pool.statements(), scoped: scoped.statements() }).toEqual({ pool: 2, scoped: 0 });
    expect(await jobIds()).toContain(accepted.inboundMessageId);
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
      const { deps, pool } = wired();
      const failing = createInboundGroupCommit({ ...deps, queue: unreachable });
      const tries = Array.from({ length: 6 }, (_, index) => delivery(20 + index, `gc-down-${index}`));
      const outcomes = await Promise.allSettled(tries.map((each) => failing.accept(each)));
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(QueueUnavailableError);
      }
      expect(await rowCount()).toBe(before);
      // Two batches (the first delivery alone), each recorded and taken back in one statement apiece.
      expect(pool.statements()).toBe(4);

      const alone = await acceptInbound(
        { ...deps, queue: unreachable },
        delivery(45, 'gc-down-single'),
      ).catch((error: unknown) => error);
      expect(alone).toBeInstanceOf(QueueUnavailableError);
      expect(await rowCount()).toBe(before);

      const working = createInboundGroupCommit({ ...deps, queue: queues });
      const retried = await Promise.all(tries.map((each) => working.accept(each)));
      expect(retried.map((answer) => answer.status)).toEqual(tries.map(() => 'accepted'));
      expect(await rowCount()).toBe(before + 6);
    } finally {
      await unreachable.close().catch(() => {});
      down.disconnect();
    }
  });

  it('admits a batch with one rate-limit call: a flooder sinks or is refused alone, the others go together', async () => {
    const { deps } = wired();
    const limiter = createSenderRateLimiter({
      redis,
      prefix: testQueuePrefix(),
      fairShare: 2,
      hardLimit: 4,
    });
    let calls = 0;
    const counted: SenderRateLimiter = {
      admit: (sender, now) => limiter.admit(sender, now),
      admitMany: (senders, now) => {
        calls += 1;
        return limiter.admitMany(senders, now);
      },
    };
    const group = createInboundGroupCommit({ ...deps, queue: queues, rateLimiter: counted });
    const jobsBefore = new Set(await jobIds());
    // Warms the batch up: the first delivery goes alone, the 9 arriving while it is written go together.
    const flooder = (index: number) => delivery(60, `flood-${index}`);
    const deliveries = [delivery(61, 'calm-0'), ...[1, 2, 3, 4, 5].map(flooder), delivery(62, 'calm-1')];
    deliveries.push(delivery(63, 'calm-2'), flooder(6), delivery(64, 'calm-3'));
    const outcomes = await Promise.allSettled(deliveries.map((each) => group.accept(each)));
    expect(calls).toBe(2);
    const refused = outcomes.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [[deliveries[index]!.messageId, outcome.reason]] : [],
    );
    // The flooder's 5th and 6th messages are past its hard limit of 4; everyone else is accepted.
    expect(refused.map(([id]) => id)).toEqual(['flood-5', 'flood-6']);
    expect(refused.every(([, reason]) => reason instanceof SenderRateLimitedError)).toBe(true);
    const accepted = new Map(
      outcomes.flatMap((outcome, index) =>
        outcome.status === 'fulfilled'
          ? [[deliveries[index]!.messageId, outcome.value.inboundMessageId]]
          : [],
      ),
    );
    const fresh = (await queuedJobs()).filter((data) => !jobsBefore.has(data.inboundMessageId));
    const flooderOwnJobs = fresh.filter((data) =>
      [accepted.get('flood-3'), accepted.get('flood-4')].includes(data.inboundMessageId),
    );
    // Past its fair share of 2, each of the flooder's messages waits in a job of its own.
    expect(flooderOwnJobs.map((data) => data.alsoInboundMessageIds)).toEqual([undefined, undefined]);
    const together = fresh.find((data) => (data.alsoInboundMessageIds?.length ?? 0) > 0);
    expect(
      [together?.inboundMessageId, ...(together?.alsoInboundMessageIds ?? [])].sort(
        (a, b) => (a ?? 0) - (b ?? 0),
      ),
    ).toEqual(
      ['flood-1', 'flood-2', 'calm-1', 'calm-2', 'calm-3']
        .map((id) => accepted.get(id))
        .sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });
});
