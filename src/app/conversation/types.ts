import type { ChartRequest } from '../../adapters/charts/chart-renderer.js';
import type { Translator } from '../../adapters/i18n/translator.js';
import type { Queryable } from '../../adapters/postgres/pool.js';
import type { InboundMessageRow } from '../../adapters/postgres/repositories/inbound-messages.js';
import type { ShopRow } from '../../adapters/postgres/repositories/shops.js';
import type { ProductMatcher } from '../../core/catalog/product-matcher.js';
import type { PendingQuestion } from '../../core/conversation/pending.js';
import type { ReplyParam } from '../../core/conversation/reply.js';
import type { Lang, ParsedMessage } from '../../core/parse.js';

// The one shape every intent handler has. Other features (reports, forecasts, prices, orders) plug in by
// writing a handler and adding one line to handlers/index.ts; nothing else in the engine changes.

export interface ShopMember {
  /** E.164 number of the sender. */
  phone: string;
  /** Staff log sales and stock but see no profit and change no prices. */
  role: 'owner' | 'staff';
}

export interface ConversationContext {
  /** The inbound job's transaction: every write commits together with the reply, or not at all. */
  db: Queryable;
  shop: ShopRow;
  member: ShopMember;
  message: InboundMessageRow;
  parsed: ParsedMessage;
  /** The language to reply in: the shop's chosen one, else the register this message was written in. */
  lang: Lang;
  now: Date;
  /** Shop-local YYYY-MM-DD of `now`. */
  today: string;
  translator: Translator;
  canSendImages: boolean;
  /** The shop's own products and aliases (cached per shop catalog version). */
  matcher: ProductMatcher;
}

export interface HandlerReply {
  key: string;
  params?: Record<string, ReplyParam>;
  /** A chart to send as this message's image: drawn by the outbound job, after the transaction. */
  chart?: ChartRequest;
  /** Defaults to the sender's chat (a supplier order goes elsewhere). */
  chatId?: string;
  kind?: 'reply' | 'order' | 'notice';
}

export interface HandlerResult {
  replies: HandlerReply[];
  /** A question now waiting for an answer; it replaces any earlier one. Omitted: none is left pending. */
  pending?: PendingQuestion;
  /** Render in this language instead of ctx.lang (a language change answers in the new language). */
  lang?: Lang;
}

export type IntentHandler = (ctx: ConversationContext) => Promise<HandlerResult>;
