import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBillMitra } from '../../../src/main.js';
import { startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { CLOUD_ENV } from './support/channel-harness.js';
import { sign, webhookBody } from './support/cloud-webhook-body.js';
import { type FakeGraphApi, startFakeGraphApi, textOf } from './support/fake-graph-api.js';

// The whole application started from configuration, as `billmitra start` does, with WHATSAPP_CHANNEL=cloud.
describe('BillMitra started with the Cloud API channel', () => {
  let database: TestDatabase;
  let graph: FakeGraphApi;
  let app: RunningBillMitra;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    graph = await startFakeGraphApi();
    app = await startTestApp({
      databaseUrl: database.url,
      env: { ...CLOUD_ENV, WHATSAPP_CLOUD_API_BASE: graph.baseUrl },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await graph?.close();
    await database?.drop();
  });

  it('verifies the webhook, takes a signed message and answers it through the Graph API', async () => {
    const verify = await app.app!.request(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=42',
    );
    expect(await verify.text()).toBe('42');
    const body = webhookBody({
      messages: [
        {
          from: '919830000001',
          id: 'wamid.app-1',
          timestamp: '1763960000',
          type: 'text',
          text: { body: 'namaste' },
        },
      ],
    });
    const response = await app.app!.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      body,
    });
    expect(response.status).toBe(200);
    const reply = await waitFor(async () => graph.accepted().find((r) => r.json?.to === '919830000001'), {
      what: 'reply at the fake Graph API',
    });
    expect(textOf(reply)?.length).toBeGreaterThan(0);
    // The row is marked sent when the send's transaction commits, just after the Graph API answered.
    const rows = await waitFor(async () => {
      const result = await database.pool.query(
        `SELECT status, provider_message_id FROM outbound_messages WHERE channel = 'cloud' AND chat_id = '+919830000001'`,
      );
      return result.rows[0]?.status === 'sent' ? result.rows : undefined;
    });
    expect(rows).toEqual([{ status: 'sent', provider_message_id: expect.stringMatching(/^wamid\.fake-/) }]);
    const metrics = await (await app.app!.request('/metrics')).text();
    expect(metrics).toContain('billmitra_messages_out_total{channel="cloud",outcome="sent"} 1');
  });

  it('serves no simulator API, which would show any chat to anyone', async () => {
    const read = await app.app!.request('/api/sim/messages?chat=%2B919830000001');
    expect(read.status).toBe(404);
    const post = await app.app!.request('/api/sim/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+919830000002', text: 'hi' }),
    });
    expect(post.status).toBe(404);
  });
});
