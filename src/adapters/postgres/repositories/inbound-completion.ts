import type { Queryable } from '../pool.js';
import { unnestColumns } from '../unnest-columns.js';

// The end of an inbound job's transaction in one statement: its reply rows and the message's processed
// mark. They were a round trip per reply plus one for the mark.

export interface ReplyRow {
  channel: string;
  chatId: string;
  kind: string;
  body: string;
  /** A chart request (JSON) the outbound job draws and sends as this message's image. */
  chart: string | null;
  /** Makes the write idempotent: a retried job inserting the same reply is a no-op. */
  dedupeKey: string;
}

export interface InboundOutcome {
  shopId: number | null;
  intent: string | null;
  lang: string | null;
}

/**
 * A channel whose sending is the record itself (the simulator) delivers in the same statement: its replies
 * are written as sent, with provider ids under this prefix, unless an earlier message of their chat is still
 * queued (then they queue behind it, so a chat's order holds).
 */
export interface DeliverOnRecord {
  providerIdPrefix: string;
}

export interface CompletedReply {
  id: number;
  /** Still to be sent by the outbound job (false: delivered by this statement, or earlier). */
  queued: boolean;
}

/** One processed message of a completion: its outcome and its replies, in order. */
export interface CompletedInbound {
  inboundMessageId: number;
  outcome: InboundOutcome;
  replies: readonly ReplyRow[];
}

// Replies are inserted in the order given (ids follow it, and a chat's messages go out in id order); a
// reply already there (same dedupe key) keeps its row, id and status. Each delivered reply gets its own
// clock_timestamp(), so their sent_at follows their order. One statement serves one message or a batch.
// deliverable is materialized so its NOT EXISTS runs once per reply, not once per CASE that reads it. A
// chart is drawn by the outbound job, so a reply with one is queued, and so is every later reply of its
// chat in the statement (a chat's messages go out in order).
const COMPLETE = `
WITH done AS (
  SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS d (inbound_id, shop_id, intent, lang)
), reply AS (
  SELECT * FROM unnest($5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[], $11::text[])
    WITH ORDINALITY AS r (inbound_id, channel, chat_id, kind, body, chart, dedupe_key, ord)
), deliverable AS MATERIALIZED (
  SELECT r.*, d.shop_id, $12::text IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM outbound_messages q
      WHERE q.channel = r.channel AND q.chat_id = r.chat_id AND q.status = 'queued'
    ) AND NOT EXISTS (
      SELECT 1 FROM reply c
      WHERE c.channel = r.channel AND c.chat_id = r.chat_id AND c.ord <= r.ord AND c.chart IS NOT NULL
    ) AS deliver_now
  FROM reply r JOIN done d ON d.inbound_id = r.inbound_id
), written AS (
  INSERT INTO outbound_messages (channel, chat_id, shop_id, inbound_message_id, kind, body, chart, dedupe_key,
    status, provider_message_id, sent_at, attempts)
  SELECT channel, chat_id, shop_id, inbound_id, kind, body, chart, dedupe_key,
    CASE WHEN deliver_now THEN 'sent' ELSE 'queued' END,
    CASE WHEN deliver_now THEN $12 || gen_random_uuid()::text END,
    CASE WHEN deliver_now THEN clock_timestamp() END,
    CASE WHEN deliver_now THEN 1 ELSE 0 END
  FROM deliverable ORDER BY ord
  ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
  RETURNING id, dedupe_key, status
), marked AS (
  UPDATE inbound_messages m
  SET status = 'processed', processed_at = now(), shop_id = d.shop_id, intent = d.intent, lang = d.lang
  FROM done d WHERE m.id = d.inbound_id
)
SELECT w.id, w.status = 'queued' AS queued FROM written w JOIN reply r ON r.dedupe_key = w.dedupe_key ORDER BY r.ord`;

export function createInboundCompletionRepository(db: Queryable) {
  const completeMany = async (
    completed: readonly CompletedInbound[],
    deliver?: DeliverOnRecord,
  ): Promise<CompletedReply[]> => {
    const replies = completed.flatMap(({ inboundMessageId, replies }) =>
      replies.map((reply) => ({ ...reply, inboundMessageId })),
    );
    const result = await db.query<CompletedReply>({
      name: 'inbound-complete',
      text: COMPLETE,
      values: [
        ...unnestColumns(
          completed.map(({ inboundMessageId, outcome }) => ({ inboundMessageId, ...outcome })),
          ['inboundMessageId', 'shopId', 'intent', 'lang'],
        ),
        ...unnestColumns(replies, [
          'inboundMessageId',
          'channel',
          'chatId',
          'kind',
          'body',
          'chart',
          'dedupeKey',
        ]),
        deliver?.providerIdPrefix ?? null,
      ],
    });
    return result.rows;
  };
  return {
    /**
     * Stores the replies of one message or of a batch and marks them processed, in one statement; returns
     * the replies in the order given (message after message), each with whether the outbound job still has
     * to send it. Each reply row takes its message's shop, so the caller's scope must see every one of
     * them (for a batch: the transport's scope, no shop entered).
     */
    completeMany,
  };
}
