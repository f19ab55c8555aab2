import { isMonthWord, isWeekWord } from '../language/days.js';
import type { Token } from '../language/tokenise.js';
import type { ItemsResult } from './items.js';
import {
  ALERT_WORDS,
  ASK_PRICE_WORDS,
  COST_WORDS,
  FINISHED_WORDS,
  FORECAST_WORDS,
  GREETING_WORDS,
  HELP_PHRASES,
  HELP_WORDS,
  LEFT_WORDS,
  MRP_WORDS,
  OFF_WORDS,
  ON_WORDS,
  ORDER_WORDS,
  PRICE_WORDS,
  PURCHASE_WORDS,
  QUESTION_WORDS,
  REPORT_WORDS,
  SALE_STEMS,
  SALE_WORDS,
  SEND_WORDS,
  STOCK_WORDS,
  UNDO_WORDS,
} from './lexicon.js';
import type { Intent } from './types.js';

// Picks the intent from keywords and from what the item pass found. The order matters: explicit
// commands (undo, alerts, send order) beat questions, questions beat ledger entries, and a message with
// products and numbers but no keyword is a sale, the commonest thing a shopkeeper types.

export interface ClassifyInput {
  tokens: Token[];
  items: ItemsResult;
  hasFestival: boolean;
  hasHorizon: boolean;
}

const ASK_STOCK_WORDS = new Set([
  'check',
  'batao',
  'bata',
  'dikhao',
  'show',
  'kitna',
  'kitni',
  'kitne',
  'how',
  'बताओ',
  'दिखाओ',
  'कितना',
  'कितनी',
  'कितने',
]);
/** "how much did I sell", "kitni bikri hui": a question about sales already made. */
const REPORT_PAST = new Set([
  'did',
  'hui',
  'hua',
  'sold',
  'becha',
  'beche',
  'bechi',
  'biki',
  'bika',
  'bikri',
  'हुई',
  'हुआ',
  'बेचा',
  'बिकी',
  'बिक्री',
]);
const TOTAL_ONLY = new Set(['total', 'kul', 'टोटल', 'कुल']);
/** Words naming a report's day: "aaj ki bikri", "this week sales", "इस महीने की बिक्री". */
const DAY_NAMES = new Set(['aaj', 'aj', 'today', 'todays', "today's", 'kal', 'yesterday', 'आज', 'कल']);
/** A sale that happened, as a verb: with it a price word is the price the goods went at. */
const SALE_VERBS = new Set(['sold', 'bika', 'bike', 'biki', 'बिका', 'बिके', 'बिकी']);

function containsPhrase(list: string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= list.length; i++)
    if (phrase.every((word, k) => list[i + k] === word)) return true;
  return false;
}
const LEFT_ONLY = new Set([...LEFT_WORDS].filter((word) => word !== 'hai'));

export function classify(input: ClassifyInput): Intent {
  const list = input.tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  const has = (set: ReadonlySet<string>): boolean => list.some((word) => set.has(word));
  const question = has(QUESTION_WORDS) || input.tokens.some((t) => t.text === '?');
  const { items } = input;
  const products = items.items.filter((item) => item.product !== null || item.quantity !== undefined);
  const sold = has(SALE_WORDS) || list.some((word) => SALE_STEMS.some((stem) => word.startsWith(stem)));

  if (list.length === 0 && items.items.length === 0) {
    return input.tokens.some((t) => t.text === '?') ? 'help' : 'unknown';
  }
  if (has(ALERT_WORDS)) {
    if (has(OFF_WORDS)) return 'alerts_off';
    if (has(ON_WORDS)) return 'alerts_on';
  }
  if (has(ORDER_WORDS) && has(SEND_WORDS) && !question) return 'send_order';
  if (has(UNDO_WORDS)) return 'undo';
  if (has(HELP_WORDS) || HELP_PHRASES.some((phrase) => containsPhrase(list, phrase))) return 'help';
  if (has(REPORT_WORDS)) return 'ask_report';
  const counted = items.items.some((item) => item.product !== null && item.quantity !== undefined);
  const soldVerb = has(SALE_VERBS) || list.some((word) => SALE_STEMS.some((stem) => word.startsWith(stem)));
  if (has(PRICE_WORDS) && counted && soldVerb && !question) return 'log_sale';
  if (has(PRICE_WORDS) && counted && has(PURCHASE_WORDS) && !question) return 'log_purchase';
  if (has(PRICE_WORDS)) {
    const priced = items.items.some(
      (item) => item.quantity !== undefined || item.unitPrice !== undefined || item.amount !== undefined,
    );
    if (!priced && items.loosePrices.length === 0 && items.looseQuantities.length === 0) return 'ask_price';
    if (question && has(ASK_PRICE_WORDS) && !priced) return 'ask_price';
    return 'set_price';
  }
  if (question && products.length === 0 && !input.hasFestival && has(REPORT_PAST)) return 'ask_report';
  if (products.some((item) => item.quantity !== undefined) && has(PURCHASE_WORDS)) return 'log_purchase';
  if (input.hasFestival && question) return 'ask_forecast';
  if (has(FORECAST_WORDS) && (question || input.hasFestival || input.hasHorizon)) return 'ask_forecast';
  if (question && sold && products.length === 0) return 'ask_report';
  const bare =
    items.items.length === 0 && items.loosePrices.length === 0 && items.looseQuantities.length === 0;
  if (bare && has(TOTAL_ONLY)) return 'ask_report';
  // "this week sales", "इस महीने की बिक्री": a period and the word for sales, nothing to log.
  const period = list.some((word) => DAY_NAMES.has(word) || isWeekWord(word) || isMonthWord(word));
  if (bare && sold && period) return 'ask_report';
  if (has(FINISHED_WORDS) && items.items.some((item) => item.product !== null) && !question)
    return 'set_stock';
  if (has(STOCK_WORDS) || has(LEFT_ONLY)) {
    if (question || list.some((word) => ASK_STOCK_WORDS.has(word))) return 'ask_stock';
    if (products.some((item) => item.quantity !== undefined) || items.looseQuantities.length > 0)
      return 'set_stock';
    return 'ask_stock';
  }
  if (question && products.length > 0 && input.hasHorizon) return 'ask_forecast';
  if (products.length > 0 && has(PURCHASE_WORDS)) return 'log_purchase';
  if (products.some((item) => item.quantity !== undefined || item.amount !== undefined)) return 'log_sale';
  if (products.length > 0 && sold) return 'log_sale';
  if (has(GREETING_WORDS)) return 'greeting';
  return 'unknown';
}

/** Which price a set_price message sets. */
export function priceField(tokens: Token[]): 'price' | 'cost' | 'mrp' {
  const list = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  if (list.some((word) => MRP_WORDS.has(word))) return 'mrp';
  if (list.some((word) => COST_WORDS.has(word))) return 'cost';
  return 'price';
}
