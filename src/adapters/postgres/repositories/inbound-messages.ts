import type { Queryable } from '../pool.js';

export interface NewInboundMessage {
  channel: string;
  chatId: string;
  participant?: string;
  messageId: string;
  senderPhone?: string | null;
  senderLid?: string | null;
  body: string;
}

export interface InboundMessageRow {
  id: number;
  channel: string;
  chatId: string;
  participant: string;
  messageId: string;
  senderPhone: string | null;
  senderLid: string | null;
  body: string;
  receivedAt: Date;
  status: 'received' | 'processed' | 'failed';
  shopId: number | null;
}

const COLUMNS = `id, channel, chat_id AS "chatId", participant, message_id AS "messageId",
  sender_phone AS "senderPhone", sender_lid AS "senderLid", body, received_at AS "receivedAt", status,
  shop_id AS "shopId"`;

export function createInboundMessagesRepository(db: Queryable) {
  return {
    /** Records a delivery once; a replay of the same (channel, chat, participant, id) returns the first row. */
    async record(message: NewInboundMessage): Promise<{ id: number; inserted: boolean; status: string }> {
      const inserted = await db.query<{ id: number }>({
        name: 'inbound-record',
        text: `INSERT INTO inbound_messages (channel, chat_id, participant, message_id, sender_phone, sender_lid, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (channel, chat_id, participant, message_id) DO NOTHING
         RETURNING id`,
        values: [
          message.channel,
          message.chatId,
          message.participant ?? '',
          message.messageId,
          message.senderPhone ?? null,
          message.senderLid ?? null,
          message.body,
        ],
      });
      const row = inserted.rows[0];
      if (row) return { id: row.id, inserted: true, status: 'received' };
      const existing = await db.query<{ id: number; status: string }>(
        `SELECT id, status FROM inbound_messages
         WHERE channel = $1 AND chat_id = $2 AND participant = $3 AND message_id = $4`,
        [message.channel, message.chatId, message.participant ?? '', message.messageId],
      );
      const found = existing.rows[0];
      if (!found) throw new Error('inbound message vanished between insert and select');
      return { id: found.id, inserted: false, status: found.status };
    },

    /** Takes back a message that could not be queued, so the sender's retry is accepted afresh. */
    async forgetUnqueued(id: number): Promise<void> {
      await db.query(`DELETE FROM inbound_messages WHERE id = $1 AND status = 'received'`, [id]);
    },

    async lockForProcessing(id: number): Promise<InboundMessageRow | undefined> {
      const result = await db.query<InboundMessageRow>({
        name: 'inbound-lock',
        text: `SELECT ${COLUMNS} FROM inbound_messages WHERE id = $1 FOR UPDATE`,
        values: [id],
      });
      return result.rows[0];
    },

    async markProcessed(
      id: number,
      outcome: { shopId: number | null; intent: string | null; lang: string | null },
    ): Promise<void> {
      await db.query(
        `UPDATE inbound_messages SET status = 'processed', processed_at = now(), shop_id = $2, intent = $3, lang = $4
         WHERE id = $1`,
        [id, outcome.shopId, outcome.intent, outcome.lang],
      );
    },

    async listUnprocessed(olderThanSeconds: number, limit: number): Promise<number[]> {
      const result = await db.query<{ id: number }>(
        `SELECT id FROM inbound_messages
         WHERE status = 'received' AND received_at < now() - make_interval(secs => $1)
         ORDER BY id LIMIT $2`,
        [olderThanSeconds, limit],
      );
      return result.rows.map((row) => row.id);
    },
  };
}

export type InboundMessagesRepository = ReturnType<typeof createInboundMessagesRepository>;
