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

// One statement serves one message or a batch (migration 087: it goes back to the transport's scope
// itself, then writes the replies in order and the processed marks).
const COMPLETE = `SELECT id, queued FROM app_complete_inbound($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

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
     * to send it. Each reply row takes its message's shop; the statement leaves any shop entered for the
     * transport's scope first, which sees them all (the transaction stays there).
     */
    completeMany,
  };
}
