import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../../src/package-path.js';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { type ChannelHarness, CLOUD_ENV, startChannelHarness } from './support/channel-harness.js';
import { sign, webhookBody } from './support/cloud-webhook-body.js';
import { type FakeGraphApi, startFakeGraphApi } from './support/fake-graph-api.js';

const fixture = (name: string) => readFile(packagePath('test', 'fixtures', 'whatsapp', name));

describe('Cloud API webhook on the real hono app', () => {
  let database: TestDatabase;
  let graph: FakeGraphApi;
  let harness: ChannelHarness;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    graph = await startFakeGraphApi();
    harness = await startChannelHarness({
      databaseUrl: database.url,
      env: { ...CLOUD_ENV, WHATSAPP_CLOUD_API_BASE: graph.baseUrl },
    });
  });
  afterAll(async () => {
    await harness?.stop();
    await graph?.close();
    await database?.drop();
  });

  const post = (body: Buffer | string, signature?: string) =>
    harness.app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'x-hub-signature-256': signature } : {}),
      },
      body,
    });
  const inboundRows = async (messageId: string) =>
    (
      await database.pool.query(
        'SELECT id, chat_id, sender_phone, body, status FROM inbound_messages WHERE channel = $1 AND message_id = $2',
        ['cloud', messageId],
      )
    ).rows;
  const inboundJobs = () =>
    harness.services.queues
      .queue('inbound')
      .getJobCountByTypes('waiting', 'active', 'completed', 'delayed', 'failed');

  it('answers the verification handshake and refuses a wrong verify token with 403', async () => {
    const ok = await harness.app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=1158201444',
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await harness.app.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444',
    );
    expect(wrong.status).toBe(403);
    const noMode = await harness.app.request(
      '/webhooks/whatsapp?hub.verify_token=test-verify-token&hub.challenge=1',
    );
    expect(noMode.status).toBe(403);
  });

  it('refuses a missing or wrong signature with 401 and queues nothing', async () => {
    const body = await fixture('cloud-text-emoji.json');
    const before = await inboundJobs();
    expect((await post(body)).status).toBe(401);
    expect((await post(body, sign(body, 'another-secret'))).status).toBe(401);
    expect((await post(body, 'sha256=abc')).status).toBe(401);
    // Signed, then changed by one byte on the way.
    const tampered = Buffer.from(body);
    tampered[tampered.length - 3] = 0x20;
    expect((await post(tampered, sign(body))).status).toBe(401);
    expect(await inboundRows('wamid.HBgMOTE5ODAwMDAwMTAxFQIAEhggQUJDMTIzNDU2Nzg5MA==')).toEqual([]);
    expect(await inboundJobs()).toBe(before);
  });

  it('verifies a body with emoji on its exact bytes, whatever their JSON spelling', async () => {
    for (const [name, messageId, text] of [
      [
        'cloud-text-emoji.json',
        'wamid.HBgMOTE5ODAwMDAwMTAxFQIAEhggQUJDMTIzNDU2Nzg5MA==',
        'namaste 🙏 aaj 2 kg चीनी bechi 🍬',
      ],
      ['cloud-text-escaped.json', 'wamid.escaped-1', 'help 🙏 नमस्ते'],
    ] as const) {
      const body = await fixture(name);
      // Re-serialising the parsed JSON gives other bytes, so a check on anything but the raw body fails.
      expect(Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8'))))).not.toEqual(body);
      const response = await post(body, sign(body));
      expect(response.status).toBe(200);
      const rows = await inboundRows(messageId);
      expect(rows).toHaveLength(1);
      expect(rows[0].body).toBe(text);
      expect(rows[0].chat_id).toMatch(/^\+9198000001\d\d$/);
      expect(rows[0].sender_phone).toBe(rows[0].chat_id);
    }
  });

  it('reads list and button replies, skips images and other numbers', async () => {
    const body = await fixture('cloud-interactive-and-image.json');
    expect((await post(body, sign(body))).status).toBe(200);
    expect((await inboundRows('wamid.list-1'))[0]?.body).toBe('Sugar stock');
    expect((await inboundRows('wamid.button-1'))[0]?.body).toBe('Yes');
    expect(await inboundRows('wamid.image-1')).toEqual([]);
    expect(await inboundRows('wamid.other-1')).toEqual([]);
  });

  it('gives one job and one reply for the same webhook delivered 5 times', async () => {
    const body = webhookBody({
      messages: [
        {
          from: '919800000199',
          id: 'wamid.five-times',
          timestamp: '1763960100',
          type: 'text',
          text: { body: 'hi' },
        },
      ],
    });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => post(body, sign(body))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const rows = await inboundRows('wamid.five-times');
    expect(rows).toHaveLength(1);
    const toThisChat = () => graph.accepted().filter((r) => r.json?.to === '919800000199');
    await waitFor(async () => toThisChat().length >= 1, { what: 'reply through the fake Graph API' });
    await new Promise((resolveWait) => setTimeout(resolveWait, 1_000));
    expect(toThisChat()).toHaveLength(1);
    expect(toThisChat()[0]!.json).toMatchObject({
      type: 'text',
      text: { body: expect.stringContaining('BillMitra') },
    });
    const jobs = await harness.services.queues
      .queue('inbound')
      .getJobs(['completed', 'active', 'waiting', 'delayed']);
    expect(jobs.filter((job) => job.data.inboundMessageId === rows[0].id)).toHaveLength(1);
  });

  it('records delivery statuses against the provider message id', async () => {
    const sent = await waitFor(async () => {
      const { rows } = await database.pool.query(
        `SELECT id, provider_message_id FROM outbound_messages WHERE chat_id = '+919800000199' AND status = 'sent'`,
      );
      return rows[0] as { id: number; provider_message_id: string } | undefined;
    });
    const statusBody = (status: string) =>
      webhookBody({
        statuses: [
          { id: sent.provider_message_id, status, timestamp: '1763960200', recipient_id: '919800000199' },
        ],
      });
    const statusOf = async () =>
      (await database.pool.query('SELECT status FROM outbound_messages WHERE id = $1', [sent.id])).rows[0]
        .status;
    const delivered = statusBody('delivered');
    expect((await post(delivered, sign(delivered))).status).toBe(200);
    expect(await statusOf()).toBe('delivered');
    const read = statusBody('read');
    expect((await post(read, sign(read))).status).toBe(200);
    expect(await statusOf()).toBe('read');
  });
});
