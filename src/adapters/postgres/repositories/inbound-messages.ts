import type { Queryable } from '../pool.js';
import { unnestColumns } from '../unnest-columns.js';

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

const KEY_AND_BODY = [
  'channel',
  'chatId',
  'participant',
  'messageId',
  'senderPhone',
  'senderLid',
  'body',
] as const;
const KEYED_COLUMNS = `id, channel, chat_id AS "chatId", participant, message_id AS "messageId"`;
type KeyedRow = { id: number; channel: string; chatId: string; participant: string; messageId: string };

/**
 * lockForProcessing's statement for sending with BEGIN in one round trip (simple protocol, so the id is
 * interpolated: only a plain positive integer passes). Its rows are InboundMessageRow.
 */
export function lockForProcessingStatement(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not an inbound message id: ${id}`);
  return `SELECT ${COLUMNS} FROM inbound_messages WHERE id = ${id} FOR UPDATE`;
}

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

    /**
     * record() for several deliveries in one statement (and one more for any replays among them), in the
     * order given. A delivery repeated within the batch is inserted once; its later copies are replays.
     */
    async recordMany(
      messages: readonly NewInboundMessage[],
    ): Promise<Array<{ id: number; inserted: boolean; status: string }>> {
      const rows = messages.map((message) => ({
        ...message,
        participant: message.participant ?? '',
        senderPhone: message.senderPhone ?? null,
        senderLid: message.senderLid ?? null,
      }));
      const keyOf = (row: { channel: string; chatId: string; participant: string; messageId: string }) =>
        JSON.stringify([row.channel, row.chatId, row.participant, row.messageId]);
      const inserted = await db.query<KeyedRow>({
        name: 'inbound-record-many',
        text: `INSERT INTO inbound_messages (channel, chat_id, participant, message_id, sender_phone, sender_lid, body)
          SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
          ON CONFLICT (channel, chat_id, participant, message_id) DO NOTHING
          RETURNING ${KEYED_COLUMNS}`,
        values: unnestColumns(rows, KEY_AND_BODY),
      });
      const fresh = new Map(inserted.rows.map((row) => [keyOf(row), row.id]));
      const replayed = rows.filter((row) => !fresh.has(keyOf(row)));
      const existing = new Map<string, { id: number; status: string }>();
      if (replayed.length > 0) {
        const found = await db.query<KeyedRow & { status: string }>({
          name: 'inbound-find-many',
          text: `SELECT ${KEYED_COLUMNS}, status FROM inbound_messages
            WHERE (channel, chat_id, participant, message_id) IN
              (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
          values: unnestColumns(replayed, KEY_AND_BODY.slice(0, 4)),
        });
        for (const row of found.rows) existing.set(keyOf(row), row);
      }
      const claimed = new Set<string>();
      return rows.map((row) => {
        const key = keyOf(row);
        const id = fresh.get(key);
        if (id !== undefined && !claimed.has(key)) {
          claimed.add(key);
          return { id, inserted: true, status: 'received' };
        }
        if (id !== undefined) return { id, inserted: false, status: 'received' };
        const found = existing.get(key);
        if (!found) throw new Error('inbound message vanished between insert and select');
        return { id: found.id, inserted: false, status: found.status };
      });
    },

    /** Takes back a message that could not be queued, so the sender's retry is accepted afresh. */
    async forgetUnqueued(id: number): Promise<void> {
      await db.query(`DELETE FROM inbound_messages WHERE id = $1 AND status = 'received'`, [id]);
    },

    async forgetUnqueuedMany(ids: readonly number[]): Promise<void> {
      await db.query(`DELETE FROM inbound_messages WHERE id = ANY($1::bigint[]) AND status = 'received'`, [
        [...ids],
      ]);
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
