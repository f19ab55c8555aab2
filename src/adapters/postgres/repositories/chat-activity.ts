import type { Queryable } from '../pool.js';

// What the outbound side needs to know about a chat's recent traffic: when the user last wrote (the
// 24-hour service window), how recently we sent to them (the per-recipient pace), and what we sent under
// a provider id (Baileys asks for it to retry a message). Ages are measured on the database's clock.

export function createChatActivityRepository(db: Queryable) {
  return {
    async lastInboundAgeMs(channel: string, chatId: string): Promise<number | null> {
      const result = await db.query<{ age_ms: number }>(
        `SELECT (extract(epoch FROM clock_timestamp() - received_at) * 1000)::float8 AS age_ms
         FROM inbound_messages WHERE channel = $1 AND chat_id = $2 ORDER BY id DESC LIMIT 1`,
        [channel, chatId],
      );
      return result.rows[0]?.age_ms ?? null;
    },

    async recentSendAgesMs(channel: string, chatId: string, limit: number): Promise<number[]> {
      const result = await db.query<{ age_ms: number }>(
        `SELECT (extract(epoch FROM clock_timestamp() - sent_at) * 1000)::float8 AS age_ms
         FROM outbound_messages
         WHERE channel = $1 AND chat_id = $2 AND sent_at IS NOT NULL
         ORDER BY sent_at DESC LIMIT $3`,
        [channel, chatId, limit],
      );
      return result.rows.map((row) => row.age_ms);
    },

    /** markSent stamps the transaction's start time; the pace needs the moment the send really left. */
    async stampSentNow(outboundMessageId: number): Promise<void> {
      await db.query('UPDATE outbound_messages SET sent_at = clock_timestamp() WHERE id = $1', [
        outboundMessageId,
      ]);
    },

    async sentBodyByProviderId(channel: string, providerMessageId: string): Promise<string | undefined> {
      const result = await db.query<{ body: string }>(
        `SELECT body FROM outbound_messages WHERE channel = $1 AND provider_message_id = $2 LIMIT 1`,
        [channel, providerMessageId],
      );
      return result.rows[0]?.body;
    },
  };
}

export type ChatActivityRepository = ReturnType<typeof createChatActivityRepository>;
