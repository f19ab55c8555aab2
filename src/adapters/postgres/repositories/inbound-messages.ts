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

export interface RecordedInbound {
  id: number;
  /** False for a replay, including a later copy of a delivery repeated within the batch. */
  inserted: boolean;
  status: string;
}

/**
 * lockForProcessing's statement for sending with BEGIN in one round trip (simple protocol, so the id is
 * interpolated: only a plain positive integer passes). Its rows are InboundMessageRow.
 */
export function lockForProcessingStatement(id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not an inbound message id: ${id}`);
  return `SELECT ${COLUMNS} FROM inbound_messages WHERE id = ${id} FOR UPDATE`;
}

/** A locked message of a batch, with the shop its sender belongs to (null: no shop yet, onboarding). */
export interface LockedInbound extends InboundMessageRow {
  memberShopId: number | null;
}

function checkedIds(ids: readonly number[]): string {
  for (const id of ids) {
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`not an inbound message id: ${id}`);
  }
  return ids.join(',');
}

/**
 * Locks a batch of messages in id order (rows are locked as the sort returns them), as a statement for
 * sending with BEGIN. Each row carries its sender's shop (the cross-shop lookup of app_member_by_phone,
 * which widens nothing past its own statement), so the batch can work through its shops in one order: two
 * batches sharing two shops then wait for each other at most, never deadlock. Rows are LockedInbound.
 */
export function lockBatchForProcessingStatement(ids: readonly number[]): string {
  if (ids.length === 0) throw new Error('an empty batch');
  return `SELECT ${COLUMNS}, (app_member_by_phone(COALESCE(sender_phone, chat_id))).shop_id AS "memberShopId"
    FROM inbound_messages WHERE id IN (${checkedIds(ids)}) ORDER BY id FOR UPDATE`;
}

export function createInboundMessagesRepository(db: Queryable) {
  return {
    /**
     * Records deliveries, each (channel, chat, participant, id) once, and answers each in the order given:
     * its row's id, whether this call inserted it and its status. A delivery repeated within the batch is
     * inserted once; its later copies are replays. One statement that sets the channel scope itself
     * (app_record_inbound, migration 084), so on the bare pool it is one round trip, replays included.
     */
    async recordMany(messages: readonly NewInboundMessage[]): Promise<RecordedInbound[]> {
      const rows = messages.map((message) => ({
        ...message,
        participant: message.participant ?? '',
        senderPhone: message.senderPhone ?? null,
        senderLid: message.senderLid ?? null,
      }));
      const recorded = await db.query<{ id: number | null; inserted: boolean; status: string | null }>({
        name: 'inbound-record-many',
        text: `SELECT id, inserted, status FROM app_record_inbound(
          $1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        values: unnestColumns(rows, KEY_AND_BODY),
      });
      return recorded.rows.map(({ id, inserted, status }) => {
        // A row taken back by a concurrent batch that could not queue it: the sender retries.
        if (id === null || status === null)
          throw new Error('inbound message vanished between insert and select');
        return { id, inserted, status };
      });
    },

    /**
     * Takes back messages that could not be queued (only while still 'received'), so the senders' retries
     * are accepted afresh. Scopes itself like recordMany (app_forget_unqueued_inbound).
     */
    async forgetUnqueuedMany(ids: readonly number[]): Promise<void> {
      await db.query({
        name: 'inbound-forget-unqueued',
        text: 'SELECT app_forget_unqueued_inbound($1::bigint[])',
        values: [[...ids]],
      });
    },

    async lockForProcessing(id: number): Promise<InboundMessageRow | undefined> {
      const result = await db.query<InboundMessageRow>(lockForProcessingStatement(id));
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
