import { Hono } from 'hono';
import { acceptUnlessFlooding } from '../../../app/accept-unless-flooding.js';
import type { SenderRateLimiter } from '../../../app/ports.js';
import { sameSecret } from '../../../http/secret-compare.js';
import { logger } from '../../../log.js';
import type { Translator } from '../../i18n/translator.js';
import type { Metrics } from '../../metrics/registry.js';
import type { Queryable } from '../../postgres/pool.js';
import { createOutboundMessagesRepository } from '../../postgres/repositories/outbound-messages.js';
import type { JobPublisher } from '../../queue/payloads.js';
import { readCloudWebhook } from './webhook-payload.js';
import { verifyWebhookSignature } from './webhook-signature.js';

export const CLOUD_WEBHOOK_PATH = '/webhooks/whatsapp';
/** Meta's documented ceiling for one webhook delivery; the HTTP app answers 413 above it. */
export const CLOUD_WEBHOOK_MAX_BYTES = 3 * 1024 * 1024;

export interface CloudWebhookOptions {
  db: Queryable;
  /** The bare pool, where deliveries are recorded (AcceptInboundDeps.pool). */
  pool?: Queryable;
  queue: JobPublisher;
  metrics?: Metrics;
  rateLimiter?: SenderRateLimiter;
  translator?: Translator;
  appSecret: string;
  verifyToken: string;
  phoneNumberId: string;
}

/**
 * The Cloud API webhook. Meta retries a delivery until it gets a 200 (for days), so a message is recorded
 * and queued (deduplicated on its id) before answering, and the answer comes as soon as that is done;
 * the conversation runs later in the inbound job. A flooding sender is never answered with an error (a
 * retried batch would hold the other senders in it hostage): its messages sink in the queue, and past
 * the hard limit they are dropped and counted (outcome rate_limited).
 */
export function createCloudWebhookRoutes(options: CloudWebhookOptions): Hono {
  const app = new Hono();

  app.get(CLOUD_WEBHOOK_PATH, (c) => {
    const mode = c.req.query('hub.mode');
    const challenge = c.req.query('hub.challenge');
    if (
      mode === 'subscribe' &&
      challenge &&
      sameSecret(c.req.query('hub.verify_token'), options.verifyToken)
    ) {
      return c.text(challenge, 200);
    }
    return c.json({ error: 'verification failed' }, 403);
  });

  app.post(CLOUD_WEBHOOK_PATH, async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifyWebhookSignature(raw, c.req.header('x-hub-signature-256'), options.appSecret)) {
      options.metrics?.messagesIn.inc({ channel: 'cloud', outcome: 'rejected' });
      logger.warn({ bytes: raw.byteLength }, 'Cloud API webhook with a missing or wrong signature refused');
      return c.json({ error: 'invalid signature' }, 401);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.json({ error: 'body must be valid JSON' }, 400);
    }
    const content = readCloudWebhook(payload, options.phoneNumberId);
    for (const message of content.messages) {
      const outcome = await acceptUnlessFlooding(options, {
        channel: 'cloud',
        chatId: message.from,
        messageId: message.messageId,
        senderPhone: message.from,
        text: message.text,
      });
      options.metrics?.messagesIn.inc({ channel: 'cloud', outcome });
    }
    if (content.unsupported > 0) {
      options.metrics?.messagesIn.inc({ channel: 'cloud', outcome: 'unsupported' }, content.unsupported);
    }
    const outbound = createOutboundMessagesRepository(options.db);
    for (const status of content.statuses) {
      if (status.status === 'sent') continue;
      await outbound.updateDeliveryStatus(status.providerMessageId, status.status);
      if (status.status === 'failed') {
        options.metrics?.messagesOut.inc({ channel: 'cloud', outcome: 'undelivered' });
        logger.error(
          {
            providerMessageId: status.providerMessageId,
            errorCode: status.errorCode,
            errorTitle: status.errorTitle,
          },
          'WhatsApp reports a message as not delivered',
        );
      }
    }
    return c.text('ok', 200);
  });

  return app;
}
