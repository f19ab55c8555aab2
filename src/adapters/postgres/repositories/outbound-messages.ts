import type { ChartRequest } from '../../charts/chart-renderer.js';
import type { Queryable } from '../pool.js';

export interface NewOutboundMessage {
  channel: string;
  chatId: string;
  shopId?: number | null;
  inboundMessageId?: number | null;
  kind?: string;
  body: string;
  imagePng?: Buffer | null;
  template?: unknown;
  /** Makes the write idempotent: a retried job inserting the same reply is a no-op. */
  dedupeKey: string;
}

export interface OutboundMessageRow {
  id: number;
  channel: string;
  chatId: string;
  shopId: number | null;
  kind: string;
  body: string;
  imagePng: Buffer | null;
  /** Still to be drawn into imagePng by the outbound job (a report's chart). */
  chart: ChartRequest | null;
  template: unknown;
  status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
  attempts: number;
  createdAt: Date;
}

const COLUMNS = `id, channel, chat_id AS "chatId", shop_id AS "shopId", kind, body, image_png AS "imagePng",
  chart, template, status, attempts, created_at AS "createdAt"`;

export function createOutboundMessagesRepository(db: Queryable) {
  return {
    /** Returns the id of the row for this dedupe key, inserted now or earlier. */
    async enqueue(message: NewOutboundMessage): Promise<number> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO outbound_messages
           (channel, chat_id, shop_id, inbound_message_id, kind, body, image_png, template, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
         RETURNING id`,
        [
          message.channel,
          message.chatId,
          message.shopId ?? null,
          message.inboundMessageId ?? null,
          message.kind ?? 'reply',
          message.body,
          message.imagePng ?? null,
          message.template === undefined ? null : JSON.stringify(message.template),
          message.dedupeKey,
        ],
      );
      const row = result.rows[0];
      if (!row) throw new Error('outbound insert returned no row');
      return row.id;
    },

    async queuedIdsForInbound(inboundMessageId: number): Promise<number[]> {
      const result = await db.query<{ id: number }>(
        `SELECT id FROM outbound_messages WHERE inbound_message_id = $1 AND status = 'queued' ORDER BY id`,
        [inboundMessageId],
      );
      return result.rows.map((row) => row.id);
    },

    async find(id: number): Promise<OutboundMessageRow | undefined> {
      const result = await db.query<OutboundMessageRow>(
        `SELECT ${COLUMNS} FROM outbound_messages WHERE id = $1`,
        [id],
      );
      return result.rows[0];
    },

    /**
     * Locks, in order, the queued messages of the chat of message `id` up to and including it (the chat is
     * found in the same statement). Callers send them in this order inside the same transaction; a
     * concurrent job for the same chat waits on the lock and then finds its message already sent, so each
     * chat's order is kept whatever the worker concurrency. Other charts are left out (migration 089): a
     * chart still to be drawn holds back nothing after it, while a chart's own job sends the texts queued
     * before it first. None when message `id` is no longer queued or belongs to another channel.
     */
    async lockQueuedUpTo(id: number, channel: string): Promise<OutboundMessageRow[]> {
      const result = await db.query<OutboundMessageRow>({
        name: 'outbound-lock-queued',
        text: `SELECT ${COLUMNS} FROM outbound_messages
         WHERE (channel, chat_id) = (SELECT channel, chat_id FROM outbound_messages
                                     WHERE id = $1 AND channel = $2 AND status = 'queued')
           AND status = 'queued' AND id <= $1 AND (chart IS NULL OR id = $1)
         ORDER BY id FOR UPDATE`,
        values: [id, channel],
      });
      return result.rows;
    },

    /** `drawnPng`: the chart the job drew for this message, kept as what was sent. */
    async markSent(id: number, providerMessageId: string, drawnPng: Buffer | null = null): Promise<void> {
      // The moment of sending, not the transaction's start: a job that began first but waited for the
      // chat's lock sends after the job holding it, and the chat's order is read from sent_at.
      await db.query({
        name: 'outbound-mark-sent',
        text: `UPDATE outbound_messages SET status = 'sent', provider_message_id = $2, sent_at = clock_timestamp(),
           attempts = attempts + 1, last_error = NULL, image_png = coalesce($3, image_png)
         WHERE id = $1`,
        values: [id, providerMessageId, drawnPng],
      });
    },

    async recordAttemptFailure(id: number, error: string, permanent: boolean): Promise<void> {
      await db.query(
        `UPDATE outbound_messages SET attempts = attempts + 1, last_error = $2,
           status = CASE WHEN $3 THEN 'failed' ELSE status END
         WHERE id = $1`,
        [id, error.slice(0, 500), permanent],
      );
    },

    async updateDeliveryStatus(
      providerMessageId: string,
      status: 'delivered' | 'read' | 'failed',
    ): Promise<void> {
      await db.query(
        `UPDATE outbound_messages SET status = $2
         WHERE provider_message_id = $1 AND status IN ('sent', 'delivered')`,
        [providerMessageId, status],
      );
    },

    async listStaleQueued(olderThanSeconds: number, limit: number): Promise<number[]> {
      const result = await db.query<{ id: number }>(
        `SELECT id FROM outbound_messages
         WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1)
         ORDER BY id LIMIT $2`,
        [olderThanSeconds, limit],
      );
      return result.rows.map((row) => row.id);
    },
  };
}

export type OutboundMessagesRepository = ReturnType<typeof createOutboundMessagesRepository>;
