import { DEFAULT_CATALOG } from '../catalog/default-catalog.js';
import { matchKey } from '../catalog/product-matcher.js';
import { isDevanagari, isLatinLetter } from '../language/normalise.js';
import { isHinglishNumberWord } from '../language/numbers.js';
import type { Token } from '../language/tokenise.js';
import { ENGLISH_MARKERS, HINGLISH_MARKERS } from './lexicon.js';
import type { Lang } from './types.js';

// Which register to answer in: Devanagari is Hindi; Latin letters are Hinglish when Hindi words
// (aaj, becha, cheeni, kitne) outnumber English ones, else English.

/** Hinglish names that are really English or brand words, so they say nothing about the register. */
const NEUTRAL_NAMES = new Set([
  'lays',
  'biscuit',
  'sauce',
  'bottle',
  'bournvita',
  'brush',
  'pouch',
  'pad',
  'diaper',
  'deo',
  'colour',
  'surf',
  'vim',
  'liquid',
  'harpic',
  'all',
  'out',
  'cell',
  'copy',
  'milkmaid',
]);

/** Words of one register's product names that the other register does not use (cheeni vs sugar). */
function productWords(from: 'en' | 'hi-Latn', other: 'en' | 'hi-Latn'): ReadonlySet<string> {
  const words = new Set<string>();
  const split = (name: string): string[] =>
    matchKey(name.replaceAll('(', ' ').replaceAll(')', ' ')).split(' ');
  for (const product of DEFAULT_CATALOG) {
    const others = new Set(split(product.names[other]));
    for (const word of split(product.names[from]))
      if (!others.has(word) && !NEUTRAL_NAMES.has(word)) words.add(word);
  }
  return words;
}

const HINDI_PRODUCT_WORDS = productWords('hi-Latn', 'en');
const ENGLISH_PRODUCT_WORDS = productWords('en', 'hi-Latn');

export function detectLang(text: string, tokens: Token[]): Lang {
  let devanagari = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isDevanagari(code)) devanagari++;
    else if (isLatinLetter(code)) latin++;
  }
  if (devanagari > 0 && devanagari * 2 >= latin) return 'hi';
  let hinglish = 0;
  let english = 0;
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    if (
      HINGLISH_MARKERS.has(token.text) ||
      HINDI_PRODUCT_WORDS.has(token.text) ||
      isHinglishNumberWord(token.text)
    )
      hinglish++;
    else if (ENGLISH_MARKERS.has(token.text) || ENGLISH_PRODUCT_WORDS.has(token.text)) english++;
  }
  // A bare "do" answers a numbered question in Hindi ("2" would be "two" in English).
  if (tokens.length === 1 && tokens[0]?.text === 'do') return 'hi-Latn';
  return hinglish > 0 && hinglish >= english ? 'hi-Latn' : 'en';
}
