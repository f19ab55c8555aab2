import type { ChartRequest } from '../adapters/charts/chart-renderer.js';
import type { Queryable } from '../adapters/postgres/pool.js';
import type { ConversationEntry } from '../adapters/postgres/repositories/conversation-entry.js';
import type { InboundMessageRow } from '../adapters/postgres/repositories/inbound-messages.js';

// The small interfaces use cases depend on. Adapters implement them; tests pass real ones.

export interface OutgoingMessage {
  chatId: string;
  body: string;
  imagePng?: Buffer | null;
  /** Approved template to use when the chat is outside WhatsApp's 24-hour service window. */
  template?: { name: string; language: string; parameters: string[] } | null;
}

export interface SendReceipt {
  providerMessageId: string;
}

/** Thrown by a channel when sending can never succeed (bad number, blocked): do not retry. */
export class PermanentSendError extends Error {
  override name = 'PermanentSendError';
  readonly retryable = false;
}

/** Thrown by a channel when the provider asks us to slow down; the job backs off and retries. */
export class RateLimitedSendError extends Error {
  override name = 'RateLimitedSendError';
  readonly retryable = true;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface ChannelSender {
  readonly channel: string;
  readonly canSendImages: boolean;
  /**
   * Sending is recording the message as sent (the simulator): nothing leaves the process, so a reply can
   * be delivered by the transaction that writes it, with provider ids starting with this prefix.
   */
  readonly deliversOnRecord?: { providerIdPrefix: string };
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/** One message the bot wants to send because of an inbound message. */
export interface ReplyDraft {
  body: string;
  /**
   * Drawn and sent as this message's image by the outbound job, after the inbound transaction commits:
   * a chart took longer than the rest of a message's work, and its whole batch waited for it.
   */
  chart?: ChartRequest;
  /** Defaults to the chat the inbound message came from (e.g. a supplier order goes elsewhere). */
  chatId?: string;
  kind?: 'reply' | 'order' | 'notice';
}

export interface ConversationOutcome {
  shopId: number | null;
  intent: string | null;
  lang: string | null;
  replies: ReplyDraft[];
}

/**
 * Decides what an inbound message means for the shop and what to answer. Runs inside the transaction that
 * marks the message processed, so its ledger writes and the replies commit together or not at all.
 */
export type ConversationResponder = (input: {
  db: Queryable;
  message: InboundMessageRow;
  now: Date;
  canSendImages: boolean;
  /** The sender's shop, entered already with the message's lock (one round trip); read here without it. */
  entry?: ConversationEntry;
}) => Promise<ConversationOutcome>;

export interface SenderAdmission {
  allowed: boolean;
  /** Queue priority for this message: 1 is served first. */
  priority: number;
}

/** Keeps one flooding sender from starving the others. */
export interface SenderRateLimiter {
  admit(sender: string, now: Date): Promise<SenderAdmission>;
  /** The same for several deliveries at once, in order (one round trip for a batch). */
  admitMany(senders: readonly string[], now: Date): Promise<SenderAdmission[]>;
  /**
   * True for the first call per sender per window: a refused sender hears one "slow down", not one per
   * message it floods with (that reply would itself become a flood).
   */
  claimSlowDownNotice?(sender: string, now: Date): Promise<boolean>;
}

/** Thrown when a sender is over its hard limit; HTTP answers 429. */
export class SenderRateLimitedError extends Error {
  override name = 'SenderRateLimitedError';
  readonly retryable = true;
}
