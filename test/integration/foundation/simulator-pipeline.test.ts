import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simConversation, simSay, simSend, startTestApp, waitFor } from '../support/app.js';
import {
  createTestDatabase,
  type DatabaseKind,
  TEST_REDIS_URL,
  type TestDatabase,
} from '../support/services.js';

// SIM_DELIVERY=on-record (the default) has the inbound job write the replies as sent; queued sends them
// through the outbound job, as a real channel does.
describe.each<{ kind: DatabaseKind; delivery: 'on-record' | 'queued' }>([
  { kind: 'postgres', delivery: 'on-record' },
  { kind: 'pglite', delivery: 'on-record' },
  { kind: 'postgres', delivery: 'queued' },
])('simulator pipeline on $kind, replies $delivery', ({ kind, delivery }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof startTestApp>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await startTestApp({ databaseUrl: database.url, env: { SIM_DELIVERY: delivery } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const outboundJobsCompleted = async () => {
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('outbound', { connection, prefix: app.config.QUEUE_PREFIX });
    try {
      return await queue.getCompletedCount();
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };

  it('answers a greeting through the queues and records both directions in PostgreSQL', async () => {
    const chat = '+919800000001';
    const [reply] = await simSay(app, chat, 'hi');
    expect(reply).toContain('BillMitra');

    const inbound = await database.pool.query(
      `SELECT body, status, intent FROM inbound_messages WHERE channel = 'simulator' AND chat_id = $1`,
      [chat],
    );
    expect(inbound.rows).toEqual([{ body: 'hi', status: 'processed', intent: 'greeting' }]);
    const outbound = await database.pool.query(
      `SELECT body, status, provider_message_id FROM outbound_messages WHERE chat_id = $1`,
      [chat],
    );
    expect(outbound.rows).toHaveLength(1);
    expect(outbound.rows[0].body).toBe(reply);
    expect(outbound.rows[0].status).toBe('sent');
    expect(outbound.rows[0].provider_message_id).toMatch(/^sim-/);
    expect(await outboundJobsCompleted()).toBe(delivery === 'queued' ? 1 : 0);
  });

  it('replies in the register the shopkeeper used', async () => {
    const [hindi] = await simSay(app, '+919800000002', 'नमस्ते');
    expect(hindi).toMatch(/[\u0900-\u097F]/u);
    const [hinglish] = await simSay(app, '+919800000002', 'madad');
    expect(hinglish).toContain('likhiye');
  });

  it('stores a message delivered twice with the same id once and answers it once', async () => {
    const chat = '+919800000003';
    const first = await simSend(app, { from: chat, text: 'help', id: 'wamid-dup-1' });
    const second = await simSend(app, { from: chat, text: 'help', id: 'wamid-dup-1' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(((await second.json()) as { status: string }).status).toBe('duplicate');
    await waitFor(async () => (await simConversation(app, chat)).some((m) => m.direction === 'out'));
    // Give a wrongly doubled reply the time to show up before counting.
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    const messages = await simConversation(app, chat);
    expect(messages.filter((m) => m.direction === 'in')).toHaveLength(1);
    expect(messages.filter((m) => m.direction === 'out')).toHaveLength(1);
    const rows = await database.pool.query(
      'SELECT count(*)::int AS n FROM inbound_messages WHERE chat_id = $1',
      [chat],
    );
    expect(rows.rows[0].n).toBe(1);
  });

  it('lists a conversation oldest first', async () => {
    const chat = '+919800000004';
    await simSay(app, chat, 'hi');
    await simSay(app, chat, 'help');
    const messages = await simConversation(app, chat);
    expect(messages.map((m) => m.direction)).toEqual(['in', 'out', 'in', 'out']);
    expect(messages.map((m) => m.at)).toEqual([...messages.map((m) => m.at)].sort());
  });
});
