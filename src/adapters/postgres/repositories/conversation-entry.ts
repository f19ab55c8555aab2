import type { ChatState } from '../../../core/conversation/pending.js';
import type { Queryable } from '../pool.js';
import type { MemberRole, MembershipRow } from './shop-members.js';
import { SHOP_COLUMNS, type ShopRow } from './shops.js';

/** What an inbound message starts from: who sent it, their shop (now entered) and the chat's state. */
export interface ConversationEntry {
  /** Undefined for a number of no shop; then nothing was entered and the transaction keeps its scope. */
  membership: MembershipRow | undefined;
  shop: ShopRow | undefined;
  /** Read within the member's shop once entered (another shop's state of this chat stays invisible). */
  state: ChatState | undefined;
}

export type EntryRow = { [K in keyof ShopRow]: ShopRow[K] | null } & {
  shopId: number | null;
  role: MemberRole | null;
  state: ChatState | null;
};

// An EntryRow from a call of app_enter_conversation: the shop arrives as one composite column, which
// LATERAL spreads into ShopRow's columns.
function enteredFrom(call: string): string {
  return `SELECT entry.shop_id AS "shopId", entry.role, entry.state, ${SHOP_COLUMNS}
    FROM ${call} entry, LATERAL (SELECT (entry.shop).*) shop`;
}

/**
 * enterConversation for the sender of an inbound message locked earlier in the transaction, as a statement
 * to send with BEGIN in one round trip (simple protocol: the id and time are interpolated, after checking).
 * It returns no row, and enters nothing, unless the message is still waiting to be processed.
 */
export function enterConversationOfInboundStatement(inboundMessageId: number, now: Date): string {
  if (!Number.isSafeInteger(inboundMessageId) || inboundMessageId <= 0) {
    throw new Error(`not an inbound message id: ${inboundMessageId}`);
  }
  const at = now.toISOString();
  const entered = enteredFrom(
    `app_enter_conversation(COALESCE(m.sender_phone, m.chat_id), m.channel, m.chat_id, '${at}'::timestamptz)`,
  );
  return `SELECT e.* FROM inbound_messages m, LATERAL (${entered}) e
    WHERE m.id = ${inboundMessageId} AND m.status = 'received'`;
}

/**
 * enterConversation for the sender of an inbound message the transaction holds locked and knows to be
 * waiting, from the transport's scope whatever shop was entered before (app_enter_conversation_of_inbound,
 * migration 085): the start of each message in a batch, one prepared round trip.
 */
export async function enterConversationOfInbound(
  db: Queryable,
  message: { id: number; senderPhone: string | null; chatId: string },
  now: Date,
): Promise<ConversationEntry> {
  const result = await db.query<EntryRow>({
    name: 'conversation-enter-inbound',
    text: enteredFrom('app_enter_conversation_of_inbound($1, $2)'),
    values: [message.id, now],
  });
  return conversationEntryFrom(result.rows, message.senderPhone ?? message.chatId);
}

/** The entry read by enterConversation's statement (or the ones above), for the sender `phone`. */
export function conversationEntryFrom(rows: readonly EntryRow[], phone: string): ConversationEntry {
  const row = rows[0];
  if (!row) throw new Error('app_enter_conversation returned no row');
  const { shopId, role, state, ...shop } = row;
  return {
    membership: shopId !== null && role !== null ? { shopId, phone, role } : undefined,
    shop: shop.id !== null ? (shop as ShopRow) : undefined,
    state: state ?? undefined,
  };
}

/**
 * Enters the sender's shop for the rest of the transaction and reads the shop and the chat's conversation
 * state, in one round trip (app_enter_conversation, migration 081; the same cross-shop lookup as
 * createShopMembersRepository().enterShopOf, and nothing else read across shops).
 */
export async function enterConversation(
  db: Queryable,
  input: { phone: string; channel: string; chatId: string; now: Date },
): Promise<ConversationEntry> {
  const result = await db.query<EntryRow>({
    name: 'conversation-enter',
    text: enteredFrom('app_enter_conversation($1, $2, $3, $4)'),
    values: [input.phone, input.channel, input.chatId, input.now],
  });
  return conversationEntryFrom(result.rows, input.phone);
}
