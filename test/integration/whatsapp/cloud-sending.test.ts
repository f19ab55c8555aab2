import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { type ChannelHarness, CLOUD_ENV, startChannelHarness } from './support/channel-harness.js';
import { type FakeGraphApi, startFakeGraphApi } from './support/fake-graph-api.js';
import { openServiceWindows, queueReplies } from './support/outbound-rows.js';

// A 1×1 PNG, enough for the upload path.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('sending through the Cloud API (fake Graph API)', () => {
  let database: TestDatabase;
  let graph: FakeGraphApi;
  let harness: ChannelHarness;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    await harness?.stop();
    await graph?.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function start(env: Record<string, string> = {}) {
    graph = await startFakeGraphApi();
    harness = await startChannelHarness({
      databaseUrl: database.url,
      env: { ...CLOUD_ENV, WHATSAPP_CLOUD_API_BASE: graph.baseUrl, ...env },
      roles: ['worker'],
    });
    return harness;
  }
  const row = async (id: number) =>
    (
      await database.pool.query(
        'SELECT status, provider_message_id, attempts, last_error FROM outbound_messages WHERE id = $1',
        [id],
      )
    ).rows[0];
  const settledRow = (id: number) =>
    waitFor(async () => {
      const current = await row(id);
      return current.status !== 'queued' ? current : undefined;
    });
  const metric = async (outcome: string) => {
    const text = await harness.services.metrics.registry.getSingleMetricAsString(
      'billmitra_messages_out_total',
    );
    const match = new RegExp(`channel="cloud",outcome="${outcome}"} (\\d+)`).exec(text);
    return Number(match?.[1] ?? 0);
  };

  it('sends text with the access token and records the provider message id', async () => {
    await start();
    const chat = '+919820000001';
    await openServiceWindows(harness.services, 'cloud', [chat]);
    const [id] = await queueReplies(harness.services, 'cloud', [
      { chatId: chat, body: 'Aaj ki bikri: ₹1,250' },
    ]);
    const sent = await settledRow(id!);
    expect(sent).toMatchObject({
      status: 'sent',
      provider_message_id: expect.stringMatching(/^wamid\.fake-/),
    });
    const [request] = graph.accepted();
    expect(request!.path).toBe('/v21.0/1098765432/messages');
    expect(request!.headers.authorization).toBe('Bearer test-access-token');
    expect(request!.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919820000001',
      type: 'text',
      text: { body: 'Aaj ki bikri: ₹1,250', preview_url: false },
    });
  });

  it('uploads an image first and sends it by media id with the text as caption', async () => {
    await start();
    const chat = '+919820000002';
    await openServiceWindows(harness.services, 'cloud', [chat]);
    const [id] = await queueReplies(harness.services, 'cloud', [
      { chatId: chat, body: 'Sales chart', imagePng: PNG },
    ]);
    await settledRow(id!);
    const upload = graph.requests.find((r) => r.path.endsWith('/media'))!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.body.includes(PNG)).toBe(true);
    const send = graph.accepted()[0]!;
    expect(send.json).toMatchObject({
      to: '919820000002',
      type: 'image',
      image: { id: 'media-1', caption: 'Sales chart' },
    });
  });

  it('sends an approved template outside the 24-hour window, free text inside it', async () => {
    await start({ WHATSAPP_CLOUD_TEMPLATE_NAME: 'shop_update', WHATSAPP_CLOUD_TEMPLATE_LANGUAGE: 'en' });
    const quiet = '+919820000003';
    const hindi = '+919820000004';
    await database.pool.query(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, body, status, received_at)
       VALUES ('cloud', $1, 'old-1', 'hi', 'processed', now() - interval '25 hours')`,
      [quiet],
    );
    const ids = await queueReplies(harness.services, 'cloud', [
      { chatId: quiet, body: 'Diwali aa rahi hai.\nChini 20 kg mangaiye.' },
      { chatId: hindi, body: 'दिवाली आ रही है' },
      {
        chatId: hindi,
        body: 'own template',
        template: { name: 'restock_alert', language: 'hi', parameters: ['चीनी', '20'] },
      },
    ]);
    for (const id of ids) expect((await settledRow(id)).status).toBe('sent');
    const byChat = (chat: string) =>
      graph
        .accepted()
        .filter((r) => r.json?.to === chat.slice(1))
        .map((r) => r.json);
    expect(byChat(quiet)).toEqual([
      expect.objectContaining({
        type: 'template',
        template: {
          name: 'shop_update',
          language: { code: 'en' },
          components: [
            {
              type: 'body',
              parameters: [{ type: 'text', text: 'Diwali aa rahi hai. | Chini 20 kg mangaiye.' }],
            },
          ],
        },
      }),
    ]);
    expect(byChat(hindi).map((r) => r?.template)).toEqual([
      expect.objectContaining({ name: 'shop_update', language: { code: 'hi' } }),
      expect.objectContaining({ name: 'restock_alert', language: { code: 'hi' } }),
    ]);

    // Once the shopkeeper writes, replies go as free text again.
    await openServiceWindows(harness.services, 'cloud', [quiet]);
    const [inside] = await queueReplies(harness.services, 'cloud', [{ chatId: quiet, body: 'Theek hai' }]);
    await settledRow(inside!);
    expect(byChat(quiet).at(-1)).toMatchObject({ type: 'text', text: { body: 'Theek hai' } });
  });

  it.each([
    [
      'HTTP 429',
      {
        status: 429,
        body: { error: { code: 4, message: 'Application request limit reached' } },
        headers: { 'retry-after': '1' },
      },
    ],
    ['130429 throughput', { status: 400, body: { error: { code: 130429, message: 'Rate limit hit' } } }],
    ['131056 pair rate', { status: 400, body: { error: { code: 131056, message: 'Pair rate limit hit' } } }],
  ])('backs off on %s and sends the message exactly once', async (_name, answer) => {
    await start();
    const chat = '+919820000005';
    await openServiceWindows(harness.services, 'cloud', [chat]);
    graph.scriptMessages(answer, answer);
    const [id, next] = await queueReplies(harness.services, 'cloud', [
      { chatId: chat, body: 'first' },
      { chatId: chat, body: 'second' },
    ]);
    await settledRow(id!);
    await settledRow(next!);
    const tries = graph.requests.filter((r) => r.path.endsWith('/messages'));
    expect(tries.map((r) => r.json?.text)).toEqual([
      { body: 'first', preview_url: false },
      { body: 'first', preview_url: false },
      { body: 'first', preview_url: false },
      { body: 'second', preview_url: false },
    ]);
    expect(graph.accepted()).toHaveLength(2);
    expect(await row(id!)).toMatchObject({ status: 'sent', last_error: null });
    const failed = await harness.services.queues.queue('outbound').getJobCountByTypes('failed');
    expect(failed).toBe(0);
    expect(await metric('retry')).toBe(2);
  });

  it('records a permanent refusal as failed, in logs and metrics, and moves on', async () => {
    await start();
    const chat = '+919820000006';
    await openServiceWindows(harness.services, 'cloud', [chat]);
    graph.scriptMessages({
      status: 400,
      body: { error: { code: 131026, message: 'Message undeliverable' } },
    });
    const [bad, good] = await queueReplies(harness.services, 'cloud', [
      { chatId: chat, body: 'will fail' },
      { chatId: chat, body: 'goes after' },
    ]);
    expect(await settledRow(bad!)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('131026'),
    });
    expect((await settledRow(good!)).status).toBe('sent');
    expect(await metric('failed')).toBe(1);
    expect(await metric('sent')).toBe(1);
  });
});
