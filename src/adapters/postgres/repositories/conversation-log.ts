import type { Queryable } from '../pool.js';

export interface LoggedMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  at: string;
  hasImage: boolean;
}

/** Both directions of one chat, oldest first: what the simulator API and the web chat page show. */
export function createConversationLogRepository(db: Queryable) {
  return {
    async forChat(channel: string, chatId: string, limit = 200): Promise<LoggedMessage[]> {
      const result = await db.query<{
        id: string;
        direction: 'in' | 'out';
        text: string;
        at: Date;
        has_image: boolean;
      }>(
        `SELECT * FROM (
           SELECT message_id AS id, 'in' AS direction, body AS text, received_at AS at, false AS has_image,
                  id AS seq, 0 AS side
           FROM inbound_messages WHERE channel = $1 AND chat_id = $2
           UNION ALL
           SELECT 'out-' || id AS id, 'out' AS direction, body AS text, COALESCE(sent_at, created_at) AS at,
                  image_png IS NOT NULL AS has_image, id AS seq, 1 AS side
           FROM outbound_messages
           WHERE channel = $1 AND chat_id = $2 AND status IN ('sent', 'delivered', 'read')
         ) messages
         ORDER BY at DESC, side DESC, seq DESC
         LIMIT $3`,
        [channel, chatId, limit],
      );
      return result.rows.reverse().map((row) => ({
        id: row.id,
        direction: row.direction,
        text: row.text,
        at: row.at.toISOString(),
        hasImage: row.has_image,
      }));
    },
  };
}
