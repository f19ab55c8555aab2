import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase, testQueuePrefix } from '../support/services.js';
import { type ChannelHarness, CLOUD_ENV, startChannelHarness } from './support/channel-harness.js';
import { type FakeGraphApi, startFakeGraphApi, textOf } from './support/fake-graph-api.js';
import { maxInAnyWindow, openServiceWindows, queueReplies } from './support/outbound-rows.js';

describe('outbound rate and order through the Cloud API channel', () => {
  let database: TestDatabase;
  let graph: FakeGraphApi;
  const running: ChannelHarness[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    for (const harness of running.splice(0)) await harness.stop();
    await graph?.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function workers(count: number, env: Record<string, string>) {
    graph = await startFakeGraphApi();
    const prefix = testQueuePrefix();
    for (let i = 0; i < count; i++) {
      running.push(
        await startChannelHarness({
          databaseUrl: database.url,
          env: { ...CLOUD_ENV, WHATSAPP_CLOUD_API_BASE: graph.baseUrl, QUEUE_PREFIX: prefix, ...env },
          roles: ['worker'],
        }),
      );
    }
    return running[0]!;
  }
  const sentCount = async (like: string) =>
    (
      await database.pool.query(
        `SELECT count(*)::int AS n FROM outbound_messages WHERE channel = 'cloud' AND status = 'sent' AND body LIKE $1`,
        [like],
      )
    ).rows[0].n as number;

  it('sends a burst of 1,000 replies to 50 chats in each chat order, never above the configured rate', async () => {
    // Low enough that the limit, not this machine's speed, is what paces the burst.
    const rate = 30;
    // Two worker processes' worth of workers share the limit through Redis.
    const first = await workers(2, {
      OUTBOUND_RATE_PER_SECOND: String(rate),
      WORKER_CONCURRENCY: '8',
      OUTBOUND_RECIPIENT_BURST: '20',
    });
    const chats = Array.from({ length: 50 }, (_, i) => `+9198100${String(i).padStart(5, '0')}`);
    await openServiceWindows(first.services, 'cloud', chats);
    const replies = Array.from({ length: 20 }, (_, seq) =>
      chats.map((chatId) => ({ chatId, body: `burst ${chatId} #${seq}` })),
    ).flat();
    await queueReplies(first.services, 'cloud', replies);

    await waitFor(async () => (await sentCount('burst %')) === 1_000, {
      timeoutMs: 150_000,
      what: '1,000 sends',
    });
    const sends = graph.accepted().filter((r) => textOf(r)?.startsWith('burst '));
    expect(sends).toHaveLength(1_000);
    for (const chat of chats) {
      const order = sends
        .filter((r) => r.json?.to === chat.slice(1))
        .map((r) => Number(/#(\d+)$/.exec(textOf(r) ?? '')?.[1]));
      expect(order).toEqual(Array.from({ length: 20 }, (_, seq) => seq));
    }
    const busiest = maxInAnyWindow(
      sends.map((r) => r.at),
      1_000,
    );
    expect(busiest).toBeLessThanOrEqual(rate);
    // What the limit implies: 1,000 sends at 30 per second cannot take less than 32.3 seconds.
    const spanMs = sends.at(-1)!.at - sends[0]!.at;
    expect(spanMs).toBeGreaterThanOrEqual(((1_000 - rate) / rate) * 1_000);
  }, 180_000);

  it('keeps the per-recipient pace: at most BURST messages to one user per BURST × INTERVAL', async () => {
    const first = await workers(1, { OUTBOUND_RECIPIENT_BURST: '3', OUTBOUND_RECIPIENT_INTERVAL_MS: '300' });
    const chat = '+919810099999';
    const other = '+919810088888';
    await openServiceWindows(first.services, 'cloud', [chat, other]);
    await queueReplies(first.services, 'cloud', [
      ...Array.from({ length: 8 }, (_, seq) => ({ chatId: chat, body: `pace #${seq}` })),
      { chatId: other, body: 'pace other' },
    ]);
    await waitFor(async () => (await sentCount('pace %')) === 9, { timeoutMs: 30_000, what: 'paced sends' });
    const toChat = graph.accepted().filter((r) => r.json?.to === chat.slice(1));
    expect(toChat.map(textOf)).toEqual(Array.from({ length: 8 }, (_, seq) => `pace #${seq}`));
    expect(
      maxInAnyWindow(
        toChat.map((r) => r.at),
        900,
      ),
    ).toBeLessThanOrEqual(3);
    // The other chat was not held back by this one's pace.
    const otherAt = graph.accepted().find((r) => r.json?.to === other.slice(1))!.at;
    expect(otherAt).toBeLessThan(toChat[3]!.at);
    const failed = await first.services.queues.queue('outbound').getJobCountByTypes('failed');
    expect(failed).toBe(0);
  });
});
