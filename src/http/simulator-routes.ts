import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Metrics } from '../adapters/metrics/registry.js';
import type { Queryable } from '../adapters/postgres/pool.js';
import { createConversationLogRepository } from '../adapters/postgres/repositories/conversation-log.js';
import type { JobPublisher } from '../adapters/queue/payloads.js';
import { acceptInbound } from '../app/accept-inbound.js';
import { MAX_INBOUND_TEXT_CHARS } from '../app/accept-unless-flooding.js';
import { createInboundGroupCommit } from '../app/inbound-group-commit.js';
import type { SenderRateLimiter } from '../app/ports.js';
import { jsonError, readJsonObject, zodDetails } from './errors.js';

export const E164 = /^\+[1-9]\d{7,14}$/;

const postBody = z.object({
  from: z.string().regex(E164, 'must be an E.164 phone number such as +919800000001'),
  text: z
    .string()
    .min(1, 'must not be empty')
    .max(MAX_INBOUND_TEXT_CHARS, `must be at most ${MAX_INBOUND_TEXT_CHARS} characters`),
  id: z.string().min(1).max(128).optional(),
});

export interface SimulatorRoutesOptions {
  db: Queryable;
  /** The bare pool, where deliveries are recorded (AcceptInboundDeps.pool). */
  pool?: Queryable;
  queue: JobPublisher;
  rateLimiter?: SenderRateLimiter;
  metrics?: Metrics;
}

/** The simulator channel: the whole pipeline, driven over HTTP instead of WhatsApp. */
export function createSimulatorRoutes(options: SimulatorRoutesOptions) {
  const app = new Hono();
  const accepting = { ...options, groupCommit: createInboundGroupCommit(options) };

  app.post('/api/sim/messages', async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const parsed = postBody.safeParse(body);
    if (!parsed.success) return jsonError(c, 400, 'invalid message', zodDetails(parsed.error));
    const { from, text } = parsed.data;
    const messageId = parsed.data.id ?? randomUUID();
    const result = await acceptInbound(accepting, {
      channel: 'simulator',
      chatId: from,
      messageId,
      senderPhone: from,
      text,
    });
    options.metrics?.messagesIn.inc({ channel: 'simulator', outcome: result.status });
    return c.json({ id: messageId, status: result.status }, 202);
  });

  app.get('/api/sim/messages', async (c) => {
    const chat = c.req.query('chat');
    if (!chat || !E164.test(chat))
      return jsonError(c, 400, 'query parameter chat must be an E.164 phone number');
    const messages = await createConversationLogRepository(options.db).forChat('simulator', chat);
    return c.json({ messages: messages.map(({ id, direction, text, at }) => ({ id, direction, text, at })) });
  });

  return app;
}
