import type { ProductMatcher } from '../catalog/product-matcher.js';
import type { Category } from '../catalog/types.js';
import { normaliseText } from '../language/normalise.js';
import { simpleNumber } from '../language/numbers.js';
import { findPhone } from '../language/phone.js';
import type { Token } from '../language/tokenise.js';
import {
  ALIAS_WORDS,
  FILLER_WORDS,
  LANGUAGE_CUES,
  LANGUAGE_NAMES,
  MONEY_WORDS,
  NEW_WORDS,
  PRODUCT_WORDS,
  REMOVE_WORDS,
  STAFF_WORDS,
  SUPPLIER_WORDS,
} from './lexicon.js';
import type { ParsedMessage } from './types.js';

// Intents about the shop's setup rather than its goods: staff, suppliers, language, new products and
// aliases, and a bare menu choice. Each returns the intent's fields, or null when the message is not it.

type Fields = Omit<ParsedMessage, 'lang'>;

const words = (tokens: Token[]): string[] => tokens.filter((t) => t.kind === 'word').map((t) => t.text);
const hasAny = (list: string[], set: ReadonlySet<string>): boolean => list.some((word) => set.has(word));

const CHOICE_WORDS = new Set([
  'option',
  'no',
  'number',
  'num',
  'wala',
  'vala',
  'wali',
  'वाला',
  'नंबर',
  'विकल्प',
]);

/** "1", "2.", "एक", "option 2", "2 wala": a bare answer to a numbered question. */
export function readChoice(tokens: Token[]): Fields | null {
  const meaningful = tokens.filter(
    (t) => t.kind !== 'break' && !(t.kind === 'symbol' && ').#:'.includes(t.text)),
  );
  const numbers = meaningful.filter((t) => simpleNumber(t) !== null && !CHOICE_WORDS.has(t.text));
  if (numbers.length !== 1) return null;
  if (meaningful.some((t) => t !== numbers[0] && !CHOICE_WORDS.has(t.text))) return null;
  const choice = simpleNumber(numbers[0]);
  if (choice === null || !Number.isInteger(choice) || choice < 1 || choice > 20) return null;
  return { intent: 'choose', choice };
}

const CATEGORY_WORDS = new Map<string, Category>([
  ['snacks', 'snacks'],
  ['namkeen', 'snacks'],
  ['dairy', 'dairy'],
  ['doodh', 'dairy'],
  ['grains', 'grains'],
  ['anaj', 'grains'],
  ['staples', 'staples'],
  ['kirana', 'staples'],
  ['beverages', 'beverages'],
  ['drinks', 'beverages'],
  ['household', 'household'],
  ['festive', 'festive'],
  ['bakery', 'bakery'],
  ['cosmetics', 'personal_care'],
  ['personal', 'personal_care'],
  ['डेयरी', 'dairy'],
  ['नमकीन', 'snacks'],
  ['अनाज', 'grains'],
]);

export function readStaffOrSupplier(text: string, tokens: Token[], matcher: ProductMatcher): Fields | null {
  const list = words(tokens);
  const staff = hasAny(list, STAFF_WORDS);
  const supplier = hasAny(list, SUPPLIER_WORDS);
  if (!staff && !supplier) return null;
  const phone = findPhone(text);
  if (phone === null) return null;
  if (staff) return { intent: hasAny(list, REMOVE_WORDS) ? 'remove_staff' : 'add_staff', phone };
  const fields: Fields = { intent: 'set_supplier', phone };
  for (const word of list) {
    if (SUPPLIER_WORDS.has(word) || FILLER_WORDS.has(word)) continue;
    const category = CATEGORY_WORDS.get(word);
    if (category) {
      fields.category = category;
      break;
    }
    const found = matcher.exact(word);
    if (found) {
      fields.product = found;
      break;
    }
  }
  return fields;
}

export function readLanguage(tokens: Token[]): Fields | null {
  const list = words(tokens);
  const named = list.map((word) => LANGUAGE_NAMES.get(word)).filter((lang) => lang !== undefined);
  if (named.length !== 1) return null;
  if (list.length > 6 || (list.length > 1 && !hasAny(list, LANGUAGE_CUES))) return null;
  return { intent: 'set_language', language: named[0]! };
}

/** "magic matlab maggi", "magic means maggi", "मैजिक मतलब मैगी". */
export function readAlias(tokens: Token[], matcher: ProductMatcher): Fields | null {
  const list = words(tokens);
  const at = list.findIndex((word) => ALIAS_WORDS.has(word));
  if (at <= 0 || at === list.length - 1) return null;
  const before = list.slice(0, at).filter((word) => !FILLER_WORDS.has(word));
  const after = list
    .slice(at + 1)
    .filter((word) => !FILLER_WORDS.has(word) && word !== 'hai' && word !== 'है');
  if (before.length === 0 || after.length === 0) return null;
  const found = matcher.match(after.join(' '));
  const product = found.productId ?? matcher.match(after[0]!).productId;
  if (product === null) return null;
  return { intent: 'add_alias', alias: before.join(' '), product };
}

function trimPunctuation(word: string): string {
  let end = word.length;
  while (end > 0 && '.,:;!?₹'.includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

/** "naya product Magic Masala 10 rs": the name keeps the shopkeeper's capitals. */
export function readNewProduct(text: string, tokens: Token[]): Fields | null {
  const list = words(tokens);
  const newAt = list.findIndex((word) => NEW_WORDS.has(word));
  if (newAt < 0 || !PRODUCT_WORDS.has(list[newAt + 1] ?? '')) return null;
  const fields: Fields = { intent: 'add_product' };
  const price = tokens.find((t) => t.kind === 'number');
  if (price?.value !== undefined) fields.price = price.value;
  const name = text
    .split(/\s+/)
    .filter((raw) => {
      const word = trimPunctuation(normaliseText(raw));
      return (
        word !== '' &&
        !NEW_WORDS.has(word) &&
        !PRODUCT_WORDS.has(word) &&
        !MONEY_WORDS.has(word) &&
        !FILLER_WORDS.has(word) &&
        !/\d/.test(word) &&
        word !== '₹'
      );
    })
    .join(' ')
    .trim();
  if (name !== '') fields.name = name;
  return fields;
}
