import type { ProductMatcher } from '../catalog/product-matcher.js';
import type { Unit } from '../catalog/types.js';
import { readNumber } from '../language/numbers.js';
import type { Token } from '../language/tokenise.js';
import { unitOf } from '../language/units.js';
import { CONNECTOR_WORDS, EACH_WORDS, MONEY_WORDS, RATE_WORDS, SALE_WORDS, TOTAL_WORDS } from './lexicon.js';

// First pass over a message's tokens: each run of tokens becomes one atom (a number, a unit, a product, a
// money marker...). Item grouping then works on atoms, never on raw text.

export type Atom =
  | { type: 'break' }
  | { type: 'num'; value: number; unit?: Unit }
  | { type: 'unit'; unit: Unit }
  | { type: 'product'; id: string | null; text: string; candidates?: string[] }
  | { type: 'money' }
  | { type: 'at' }
  | { type: 'times' }
  | { type: 'each'; word: string }
  | { type: 'total' }
  | { type: 'unknown'; text: string };

export interface AtomOptions {
  matcher: ProductMatcher;
  /** Token indexes already read as something else (a day, a festival, a horizon). */
  consumed: ReadonlySet<number>;
  /** Words that are known not to be products (intent keywords, fillers). */
  isKnownWord: (word: string) => boolean;
}

const SYMBOL_ATOMS: Record<string, Atom> = {
  '@': { type: 'at' },
  '×': { type: 'times' },
  '*': { type: 'times' },
  '=': { type: 'total' },
  '-': { type: 'total' },
  '₹': { type: 'money' },
  '+': { type: 'break' },
  '&': { type: 'break' },
};

function phraseAt(
  tokens: Token[],
  start: number,
  length: number,
  consumed: ReadonlySet<number>,
): string | null {
  let phrase = '';
  for (let k = start; k < start + length; k++) {
    const token = tokens[k];
    if (token?.kind !== 'word' || consumed.has(k)) return null;
    phrase += (k === start ? '' : ' ') + token.text;
  }
  return phrase;
}

export function toAtoms(tokens: Token[], options: AtomOptions): Atom[] {
  const { matcher, consumed, isKnownWord } = options;
  const atoms: Atom[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    if (consumed.has(i)) {
      i++;
      continue;
    }
    const token = tokens[i]!;
    if (token.kind === 'break') {
      atoms.push({ type: 'break' });
      i++;
      continue;
    }
    // Multi-word names first, so "five star", "parle g" and "surf excel" are not read word by word.
    const maxLength =
      token.kind === 'word' && matcher.startsPhrase(token.text) ? Math.min(matcher.maxWords, 4) : 1;
    for (let length = maxLength; length >= 2; length--) {
      const phrase = phraseAt(tokens, i, length, consumed);
      const id = phrase === null ? null : matcher.exact(phrase);
      if (phrase !== null && id !== null) {
        atoms.push({ type: 'product', id, text: phrase });
        i += length;
        continue outer;
      }
    }
    const number = readNumber(tokens, i);
    if (number && number.end > i && ![...Array(number.end - i).keys()].some((k) => consumed.has(i + k))) {
      atoms.push(
        number.unit
          ? { type: 'num', value: number.value, unit: number.unit }
          : { type: 'num', value: number.value },
      );
      i = number.end;
      continue;
    }
    if (token.kind === 'symbol') {
      // "/-" after an amount means rupees, as on a printed bill.
      if (token.text === '/' && tokens[i + 1]?.text === '-') {
        atoms.push({ type: 'money' });
        i += 2;
        continue;
      }
      const atom = SYMBOL_ATOMS[token.text];
      if (atom) atoms.push(atom);
      i++;
      continue;
    }
    if (token.kind !== 'word') {
      i++;
      continue;
    }
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const endsClause = next === undefined || next.kind === 'break';
    if (
      VERB_SHAPED_PRODUCTS.has(token.text) &&
      prev?.kind === 'word' &&
      (VERBS.has(prev.text) || endsClause)
    ) {
      i++;
      continue;
    }
    // "आज की सेल": after ka/ki/ke a word that is both "sale" and a product (सेल = battery cell) is the sale.
    if (SALE_WORDS.has(token.text) && prev?.kind === 'word' && POSSESSIVES.has(prev.text)) {
      i++;
      continue;
    }
    const atom = wordAtom(token.text, matcher, isKnownWord);
    if (atom) atoms.push(atom);
    i++;
  }
  return atoms;
}

const POSSESSIVES = new Set(['ka', 'ki', 'ke', 'का', 'की', 'के']);

/** "diya" is a lamp and also "gave" (de diya, bread diya); after a verb, or closing a clause after a word, it is the verb. */
const VERB_SHAPED_PRODUCTS = new Set(['diya', 'diye', 'दिया', 'दिए']);
const VERBS = new Set([
  'de',
  'kar',
  'bech',
  'le',
  'bhej',
  'rakh',
  'laga',
  'likh',
  'hata',
  'दे',
  'कर',
  'बेच',
  'ले',
  'भेज',
  'रख',
  'लिख',
]);

/** One word as an atom; null for function words that carry nothing. */
function wordAtom(
  word: string,
  matcher: ProductMatcher,
  isKnownWord: (word: string) => boolean,
): Atom | null {
  const unit = unitOf(word);
  if (unit) return { type: 'unit', unit };
  if (MONEY_WORDS.has(word)) return { type: 'money' };
  if (word === 'at') return { type: 'at' };
  if (word === 'x') return { type: 'times' };
  if (CONNECTOR_WORDS.has(word)) return { type: 'break' };
  if (TOTAL_WORDS.has(word)) return { type: 'total' };
  if (EACH_WORDS.has(word)) return { type: 'each', word };
  // "45 ke bhav", "52 ka rate": marks the number before as a price per unit.
  if (RATE_WORDS.has(word)) return { type: 'each', word: 'rate' };
  // An exact name beats a keyword; a keyword beats a spelling-alike ("and" is not anda, "kar" not khari).
  const exact = matcher.exact(word);
  if (exact !== null) return { type: 'product', id: exact, text: word };
  if (isKnownWord(word)) return null;
  const found = matcher.match(word);
  if (found.productId !== null) return { type: 'product', id: found.productId, text: word };
  return { type: 'unknown', text: word };
}
