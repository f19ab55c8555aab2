import { describe, expect, it } from 'vitest';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import {
  CLOUD_WEBHOOK_MAX_BYTES,
  createCloudWebhookRoutes,
} from '../../../src/adapters/whatsapp/cloud/webhook-routes.js';
import { MAX_INBOUND_TEXT_CHARS } from '../../../src/app/accept-unless-flooding.js';
import { createHttpApp } from '../../../src/http/app.js';
import { MAX_BODY_BYTES } from '../../../src/http/errors.js';
import { createSimulatorRoutes } from '../../../src/http/simulator-routes.js';
import { useDatabaseAndRedis } from '../support/database-and-redis.js';
import { testQueuePrefix } from '../support/services.js';
import { CLOUD_ENV } from '../whatsapp/support/channel-harness.js';
import { sign, webhookBody } from '../whatsapp/support/cloud-webhook-body.js';

// Every way in has a size cap, and going over it gets a clear answer:
//   any HTTP body                  64 KB   413   (createHttpApp; chunked bodies are counted too)
//   Cloud API webhook body          3 MB   413   (Meta's own ceiling; above 64 KB so a batch is never refused)
//   simulator message text      4096 chars 400
//   WhatsApp message text       4096 chars kept to the first 4096 (the channel cannot answer an error)
//   simulator message id         128 chars 400
//   dashboard CSV upload     20,000 chars a part, 20 M chars in all: 409 (see dashboard-pages.test.ts)

describe('input size limits', () => {
  const services = useDatabaseAndRedis();
  const appWithChannels = () => {
    const queues = createBullQueues({ connection: services.redis, prefix: testQueuePrefix() });
    const inbound = { db: services.database.pool, queue: queues };
    return createHttpApp({
      routes: [
        createSimulatorRoutes(inbound),
        createCloudWebhookRoutes({
          ...inbound,
          appSecret: CLOUD_ENV.WHATSAPP_CLOUD_APP_SECRET,
          verifyToken: CLOUD_ENV.WHATSAPP_CLOUD_VERIFY_TOKEN,
          phoneNumberId: CLOUD_ENV.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
        }),
      ],
    });
  };
  const simulator = (body: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const webhook = (body: Buffer) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
    body,
  });
  const from = '+919800000055';

  it('refuses bodies and fields over their caps on the simulator', async () => {
    const app = appWithChannels();
    const huge = await app.request(
      '/api/sim/messages',
      simulator({ from, text: 'x'.repeat(MAX_BODY_BYTES) }),
    );
    expect(huge.status).toBe(413);
    const longText = await app.request(
      '/api/sim/messages',
      simulator({ from, text: 'x'.repeat(MAX_INBOUND_TEXT_CHARS + 1) }),
    );
    expect(longText.status).toBe(400);
    expect(JSON.stringify(await longText.json())).toContain(`at most ${MAX_INBOUND_TEXT_CHARS} characters`);
    const longId = await app.request(
      '/api/sim/messages',
      simulator({ from, text: 'hi', id: 'i'.repeat(129) }),
    );
    expect(longId.status).toBe(400);
    expect(
      (await app.request('/api/sim/messages', simulator({ from, text: 'x'.repeat(MAX_INBOUND_TEXT_CHARS) })))
        .status,
    ).toBe(202);
  });

  it('takes a webhook batch over 64 KB, refuses one over 3 MB (declared or chunked) and caps its texts', async () => {
    const app = appWithChannels();
    // 60 messages of 5,000 characters: ~300 KB, a size Meta may send and the general cap would refuse.
    const messages = Array.from({ length: 60 }, (_, i) => ({
      from: '919800000066',
      id: `wamid.limits-${i}`,
      timestamp: '1763960000',
      type: 'text',
      text: { body: `${i} ${'a'.repeat(5_000)}` },
    }));
    const batch = webhookBody({ messages });
    expect(batch.byteLength).toBeGreaterThan(MAX_BODY_BYTES);
    expect((await app.request('/webhooks/whatsapp', webhook(batch))).status).toBe(200);
    const { rows } = await services.database.pool.query<{ longest: number; n: number }>(
      `SELECT max(length(body))::int AS longest, count(*)::int AS n FROM inbound_messages WHERE channel = 'cloud'`,
    );
    expect(rows[0]).toEqual({ longest: MAX_INBOUND_TEXT_CHARS, n: 60 });

    const tooLarge = Buffer.alloc(CLOUD_WEBHOOK_MAX_BYTES + 1, 0x20);
    const declared = await app.request('/webhooks/whatsapp', webhook(tooLarge));
    expect(declared.status).toBe(413);
    const chunked = await app.request('/webhooks/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(tooLarge) },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < tooLarge.byteLength; offset += 256 * 1024)
            controller.enqueue(tooLarge.subarray(offset, offset + 256 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
});
