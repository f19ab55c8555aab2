import type { ChatState } from '../../../core/conversation/pending.js';
import type { Queryable } from '../pool.js';

// The question a chat is waiting on (or its onboarding step), one row per chat. It expires so an answer
// days later is not read as a reply to a forgotten question.

export function createConversationStateRepository(db: Queryable) {
  return {
    async get(channel: string, chatId: string, now: Date): Promise<ChatState | undefined> {
      const result = await db.query<{ state: ChatState }>({
        name: 'conversation-state-get',
        text: `SELECT state FROM conversation_state
         WHERE channel = $1 AND chat_id = $2 AND (expires_at IS NULL OR expires_at > $3)`,
        values: [channel, chatId, now],
      });
      return result.rows[0]?.state;
    },

    async set(
      key: { channel: string; chatId: string; shopId: number | null },
      state: ChatState,
      expiresAt: Date,
    ): Promise<void> {
      await db.query(
        `INSERT INTO conversation_state (channel, chat_id, shop_id, state, updated_at, expires_at)
         VALUES ($1, $2, $3, $4, now(), $5)
         ON CONFLICT (channel, chat_id) DO UPDATE
           SET shop_id = EXCLUDED.shop_id, state = EXCLUDED.state, updated_at = now(), expires_at = EXCLUDED.expires_at`,
        [key.channel, key.chatId, key.shopId, JSON.stringify(state), expiresAt],
      );
    },

    async clear(channel: string, chatId: string): Promise<void> {
      await db.query('DELETE FROM conversation_state WHERE channel = $1 AND chat_id = $2', [channel, chatId]);
    },
  };
}

export type ConversationStateRepository = ReturnType<typeof createConversationStateRepository>;
