import type { Queryable } from '../pool.js';
import { unnestColumns } from '../unnest-columns.js';

// The end of an inbound job's transaction in one statement: its reply rows and the message's processed
// mark. They were a round trip per reply plus one for the mark.

export interface ReplyRow {
  channel: string;
  chatId: string;
  kind: string;
  body: string;
  imagePng: Buffer | null;
  /** Makes the write idempotent: a retried job inserting the same reply is a no-op. */
  dedupeKey: string;
}

export interface InboundOutcome {
  shopId: number | null;
  intent: string | null;
  lang: string | null;
}

// Replies are inserted in the order given (ids follow it, and a chat's messages go out in id order); a
// reply already there (same dedupe key) keeps its row and id.
const COMPLETE = `
WITH reply AS (
  SELECT * FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::bytea[], $10::text[])
    WITH ORDINALITY AS r (channel, chat_id, kind, body, image_png, dedupe_key, ord)
), written AS (
  INSERT INTO outbound_messages (channel, chat_id, shop_id, inbound_message_id, kind, body, image_png, dedupe_key)
  SELECT channel, chat_id, $2, $1, kind, body, image_png, dedupe_key FROM reply ORDER BY ord
  ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
  RETURNING id, dedupe_key
), marked AS (
  UPDATE inbound_messages SET status = 'processed', processed_at = now(), shop_id = $2, intent = $3, lang = $4
  WHERE id = $1
)
SELECT w.id FROM written w JOIN reply r ON r.dedupe_key = w.dedupe_key ORDER BY r.ord`;

export function createInboundCompletionRepository(db: Queryable) {
  return {
    /** Stores the replies and marks the message processed; returns the reply ids in the order given. */
    async complete(inboundMessageId: number, outcome: InboundOutcome, replies: readonly ReplyRow[]) {
      const result = await db.query<{ id: number }>({
        name: 'inbound-complete',
        text: COMPLETE,
        values: [
          inboundMessageId,
          outcome.shopId,
          outcome.intent,
          outcome.lang,
          ...unnestColumns(replies, ['channel', 'chatId', 'kind', 'body', 'imagePng', 'dedupeKey']),
        ],
      });
      return result.rows.map((row) => row.id);
    },
  };
}
