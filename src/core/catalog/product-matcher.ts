import { distance } from 'fastest-levenshtein';
import { normaliseText, phoneticKey } from '../language/normalise.js';
import { isCommonWord } from './common-words.js';
import type { CatalogProduct } from './types.js';

// Turns what a shopkeeper typed ("maggie", "कुरकुरे", "surf excel") into a catalog id. Exact names and
// aliases win; then a spelling-insensitive key; then edit distance, but only above a confidence threshold,
// because a wrong product in the ledger is worse than asking "did you mean?".

export interface ShopAlias {
  alias: string;
  productId: string;
}

export interface ProductMatcherOptions {
  products: readonly Pick<CatalogProduct, 'id' | 'names' | 'aliases'>[];
  /** A shop's own words for products ("magic" -> maggi); they win over the catalog's. */
  aliases?: readonly ShopAlias[];
  /** Below this a fuzzy match is reported as unknown with candidates. Default 0.8. */
  threshold?: number;
}

export type MatchResult =
  | { productId: string; confidence: number }
  | { productId: null; candidates: string[] };

export interface ProductMatcher {
  /** One word or phrase, fuzzy-tolerant. */
  match(word: string): MatchResult;
  /** Exact name, or a spelling variant of 5+ letters; no edit distance. Finds names inside a sentence. */
  exact(phrase: string): string | null;
  /** Longest name or alias in words, so callers know how far ahead to look. */
  readonly maxWords: number;
  /** False when no name of two or more words starts with this (normalised) word: skip phrase lookups. */
  startsPhrase(word: string): boolean;
}

interface FuzzyEntry {
  key: string;
  productId: string;
  /** Keys under four letters are too short to match by edit distance; they are only offered as candidates. */
  short: boolean;
}

/** Normalised lookup form of a name: lower-case, hyphens and dots as spaces, single-spaced. */
export function matchKey(text: string): string {
  return normaliseText(text).replaceAll('-', ' ').replaceAll('.', ' ').split(' ').filter(Boolean).join(' ');
}

/** Runs of one letter as one (magii, maggi -> magi): a typed-twice letter is the commonest slip. */
function squeeze(key: string): string {
  let out = '';
  for (const ch of key) if (ch !== out.at(-1)) out += ch;
  return out;
}

/** An English plural's singular (cakes -> cake, boxes -> box), or null when the word is not one. */
function singular(key: string): string | null {
  if (key.length < 5 || !key.endsWith('s') || key.endsWith('ss') || key.includes(' ')) return null;
  return key.slice(0, -1);
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function createProductMatcher(options: ProductMatcherOptions): ProductMatcher {
  const threshold = options.threshold ?? 0.8;
  const exactKeys = new Map<string, string>();
  const phoneticKeys = new Map<string, string>();
  const squeezedKeys = new Map<string, string>();
  // Fuzzy candidates bucketed by first letter of the phonetic key: a typo rarely hits the first letter,
  // and this keeps each lookup to a few dozen comparisons.
  const buckets = new Map<string, FuzzyEntry[]>();
  let maxWords = 1;
  const phraseStarts = new Set<string>();

  const add = (name: string, productId: string, override: boolean): void => {
    const key = matchKey(name);
    if (key === '') return;
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    if (words.length > 1) {
      phraseStarts.add(words[0]!);
      phraseStarts.add(phoneticKey(words[0]!));
    }
    if (override || !exactKeys.has(key)) exactKeys.set(key, productId);
    const squeezed = squeeze(key);
    if (squeezed.length >= 4 && (override || !squeezedKeys.has(squeezed)))
      squeezedKeys.set(squeezed, productId);
    const phonetic = phoneticKey(key);
    if (phonetic.length >= 3 && (override || !phoneticKeys.has(phonetic)))
      phoneticKeys.set(phonetic, productId);
    if (phonetic.length >= 3) {
      const first = phonetic[0]!;
      const bucket = buckets.get(first) ?? [];
      bucket.push({ key: phonetic, productId, short: phonetic.length < 4 });
      buckets.set(first, bucket);
    }
  };

  for (const alias of options.aliases ?? []) add(alias.alias, alias.productId, true);
  for (const product of options.products) {
    add(product.id.replaceAll('_', ' '), product.id, false);
    add(product.names.en, product.id, false);
    add(product.names.hi, product.id, false);
    add(product.names['hi-Latn'], product.id, false);
    for (const alias of product.aliases) add(alias, product.id, false);
  }

  const exact = (phrase: string): string | null => {
    // The parser passes tokens already normalised; only other callers pay for matchKey.
    const key = exactKeys.has(phrase) ? phrase : matchKey(phrase);
    const hit = exactKeys.get(key);
    if (hit !== undefined) return hit;
    if (isCommonWord(key)) return null;
    const plural = singular(key);
    const singularHit = plural === null ? undefined : exactKeys.get(plural);
    if (singularHit !== undefined) return singularHit;
    // Short spelling keys collide with everyday words (and/anda, kar/khari), so only long ones count here.
    const phonetic = phoneticKey(key);
    return phonetic.length >= 5 ? (phoneticKeys.get(phonetic) ?? null) : null;
  };

  const match = (word: string): MatchResult => {
    const key = matchKey(word);
    const direct = exactKeys.get(key);
    if (direct !== undefined) return { productId: direct, confidence: 1 };
    if (isCommonWord(key)) return { productId: null, candidates: [] };
    const plural = singular(key);
    if (plural !== null && !isCommonWord(plural)) {
      const found = match(plural);
      if (found.productId !== null) return found;
    }
    const squeezed = squeeze(key);
    const typedTwice = squeezed.length >= 4 ? squeezedKeys.get(squeezed) : undefined;
    if (typedTwice !== undefined) return { productId: typedTwice, confidence: 0.95 };
    const phonetic = phoneticKey(key);
    // Three-letter spelling keys are everyday words too (and/anda, kar/khari, mat/mattha).
    if (phonetic.length >= 4) {
      const hit = phoneticKeys.get(phonetic);
      if (hit !== undefined) return { productId: hit, confidence: 0.95 };
    }
    if (phonetic.length < 4) return { productId: null, candidates: [] };
    let best: FuzzyEntry | null = null;
    let bestScore = 0;
    const scores = new Map<string, number>();
    for (const entry of buckets.get(phonetic[0]!) ?? []) {
      if (Math.abs(entry.key.length - phonetic.length) > 2) continue;
      const edits = distance(entry.key, phonetic);
      const longest = Math.max(entry.key.length, phonetic.length);
      // Edit distance on short words matches everyday words ("batao" is not "batata"): 6+ letters only.
      const score = 1 - edits / longest;
      // Candidates are ranked with a bonus for a shared beginning: "magic" suggests maggi before maida.
      const ranked = score + 0.05 * sharedPrefix(entry.key, phonetic);
      if (ranked > (scores.get(entry.productId) ?? 0)) scores.set(entry.productId, ranked);
      if (score > bestScore && !entry.short && longest >= 6) {
        best = entry;
        bestScore = score;
      }
    }
    if (best && bestScore >= threshold) return { productId: best.productId, confidence: bestScore };
    // Offered choices must look like the word: a far-off list ("samosa": shampoo, sabudana, oil) makes
    // the shopkeeper read three wrong products before "new product".
    const ranked = [...scores.entries()].filter(([, score]) => score >= 0.6).sort((a, b) => b[1] - a[1]);
    const top = ranked[0]?.[1] ?? 0;
    const candidates = ranked
      .filter(([, score]) => score >= top - 0.04)
      .slice(0, 3)
      .map(([id]) => id);
    return { productId: null, candidates };
  };

  // Spelling variants of a first word ("amool doodh") still count: the phonetic key is checked too.
  const startsPhrase = (word: string): boolean =>
    phraseStarts.has(word) || phraseStarts.has(phoneticKey(word));

  return { match, exact, maxWords, startsPhrase };
}
