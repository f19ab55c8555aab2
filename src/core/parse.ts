import { DEFAULT_CATALOG } from './catalog/default-catalog.js';
import { createProductMatcher, type ProductMatcher } from './catalog/product-matcher.js';
import { findCalendarDate } from './language/calendar-dates.js';
import { findDay, findHorizon, isMonthWord, isWeekWord, localDate, tenseOf } from './language/days.js';
import { readNumber } from './language/numbers.js';
import { tokenise } from './language/tokenise.js';
import { toAtoms } from './parse/atoms.js';
import { classify, priceField } from './parse/classify.js';
import { findExpiries } from './parse/expiry.js';
import { itemsNextToExpiry } from './parse/expiry-items.js';
import { findFestival } from './parse/festival.js';
import { atomsToItems } from './parse/items.js';
import { isKnownWord } from './parse/known-words.js';
import { detectLang } from './parse/lang.js';
import {
  readAlias,
  readChoice,
  readLanguage,
  readNewProduct,
  readStaffOrSupplier,
} from './parse/special-intents.js';
import type { ParsedMessage, Period } from './parse/types.js';

export type { Intent, Lang, ParsedItem, ParsedMessage, Period } from './parse/types.js';

// Any message in, one structured intent out. Pure: the time is a parameter, the catalog comes in as a
// matcher (a shop's own products and aliases), and nothing here throws on odd input.

export interface ParseOptions {
  now: Date;
  /** Shop time zone for "aaj"/"kal"; default Asia/Kolkata. */
  timeZone?: string;
  /** The shop's product matcher; default: the default catalog only. */
  matcher?: ProductMatcher;
}

let defaultMatcher: ProductMatcher | null = null;

/** The default catalog's matcher, built once on first use. */
export function getDefaultMatcher(): ProductMatcher {
  defaultMatcher ??= createProductMatcher({ products: DEFAULT_CATALOG });
  return defaultMatcher;
}

/** Longest message read; WhatsApp caps text near 65k, a kirana message is a few hundred characters. */
const MAX_CHARS = 8192;

export function parseMessage(text: string, options: ParseOptions): ParsedMessage {
  const raw = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const matcher = options.matcher ?? getDefaultMatcher();
  const timeZone = options.timeZone ?? 'Asia/Kolkata';
  const tokens = tokenise(raw);
  const lang = detectLang(raw, tokens);
  const today = safeLocalDate(options.now, timeZone, 0);

  const special =
    readChoice(tokens) ??
    readStaffOrSupplier(raw, tokens, matcher) ??
    readLanguage(tokens) ??
    readAlias(tokens, matcher) ??
    readNewProduct(raw, tokens);
  if (special) return { ...special, lang, ...(today ? { date: today } : {}) };

  // An expiry date is read first: its "28 tarikh" is when the goods expire, not the day of the message.
  const expiries = today ? findExpiries(tokens, today) : [];
  const expiryUsed = new Set(expiries.flatMap((found) => found.used));
  const festival = findFestival(tokens);
  const horizon = findHorizon(tokens, (at) => readNumber(tokens, at));
  const calendar = today
    ? findCalendarDate(
        tokens.map((token, i) => (expiryUsed.has(i) ? { kind: 'break' as const, text: '\n' } : token)),
        today,
        tenseOf(tokens),
      )
    : null;
  const consumed = new Set<number>([
    ...expiryUsed,
    ...(festival?.used ?? []),
    ...(horizon?.used ?? []),
    ...(calendar?.used ?? []),
  ]);
  const atoms = toAtoms(tokens, { matcher, consumed, isKnownWord });
  const items = atomsToItems(atoms, (word) => {
    const found = matcher.match(word);
    return found.productId === null ? found.candidates : [found.productId];
  });
  const intent = classify({ tokens, items, hasFestival: festival !== null, hasHorizon: horizon !== null });

  const day = findDay(tokens, intent === 'ask_forecast' ? 'future' : 'past');
  const result: ParsedMessage = { intent, lang };
  const date = calendar?.date ?? safeLocalDate(options.now, timeZone, day?.offset ?? 0);
  if (date) result.date = date;
  const firstProduct = items.items.find((item) => item.product !== null)?.product ?? undefined;

  switch (intent) {
    case 'log_sale':
      result.items = items.items;
      break;
    case 'log_purchase':
      result.items = items.items;
      if (expiries[0]) result.expiry = expiries[0].date;
      for (const found of expiries) {
        for (const at of itemsNextToExpiry(tokens, items.items, found.used) ?? []) {
          const item = items.items[at];
          if (item && item.expiry === undefined) item.expiry = found.date;
        }
      }
      break;
    case 'set_stock': {
      const item = items.items.find((entry) => entry.quantity !== undefined);
      // "maggi khatam" names no number: the stock is zero.
      const quantity =
        item?.quantity ??
        items.looseQuantities[0]?.value ??
        (result.intent === 'set_stock' && !item ? 0 : undefined);
      const unit = item?.unit ?? items.looseQuantities[0]?.unit;
      if (firstProduct) result.product = firstProduct;
      if (quantity !== undefined) result.quantity = quantity;
      if (unit) result.unit = unit;
      result.items = items.items;
      break;
    }
    case 'set_price': {
      const item = items.items.find((entry) => entry.product !== null) ?? items.items[0];
      const price =
        item?.unitPrice ??
        item?.amount ??
        item?.quantity ??
        items.loosePrices[0] ??
        items.looseQuantities[0]?.value;
      if (firstProduct) result.product = firstProduct;
      if (price !== undefined) result.price = price;
      result.field = priceField(tokens);
      break;
    }
    case 'ask_forecast':
    case 'ask_price':
    case 'ask_stock':
      if (firstProduct) result.product = firstProduct;
      break;
    case 'ask_report':
      result.period = reportPeriod(tokens, day?.offset ?? 0);
      break;
    case 'unknown': {
      // "aaj ka sale 5600", "28+15+60": takings with no items cannot go in the ledger, but the
      // conversation can say so instead of a generic "did not understand".
      const total = takingsTotal(items);
      if (total !== undefined) result.total = total;
      break;
    }
    default:
      break;
  }
  if (intent === 'ask_forecast') {
    if (festival) result.festival = festival.id;
    if (horizon) result.days = horizon.days;
  }
  const unknownWords = [
    ...items.unknownWords,
    ...items.items.filter((item) => item.product === null).map((item) => item.text),
  ];
  if (unknownWords.length > 0) result.unknownWords = unknownWords;
  return result;
}

function takingsTotal(items: ReturnType<typeof atomsToItems>): number | undefined {
  if (items.items.length > 0 || items.unknownWords.length > 0) return undefined;
  const numbers = [...items.loosePrices, ...items.looseQuantities.filter((q) => !q.unit).map((q) => q.value)];
  if (numbers.length === 0 || items.looseQuantities.some((q) => q.unit)) return undefined;
  const sum = numbers.reduce((a, b) => a + b, 0);
  return Number.isFinite(sum) && sum > 0 ? Math.round(sum * 100) / 100 : undefined;
}

function reportPeriod(tokens: ReturnType<typeof tokenise>, offset: number): Period {
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    if (isWeekWord(token.text) || token.text === 'weekly' || token.text === 'saptahik') return 'week';
    if (isMonthWord(token.text) || token.text === 'monthly' || token.text === 'masik') return 'month';
  }
  return offset < 0 ? 'yesterday' : 'today';
}

function safeLocalDate(now: Date, timeZone: string, offset: number): string | undefined {
  try {
    return Number.isNaN(now.getTime()) ? undefined : localDate(now, timeZone, offset);
  } catch {
    return undefined;
  }
}
