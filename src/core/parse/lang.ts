import { DEFAULT_CATALOG } from '../catalog/default-catalog.js';
import { matchKey } from '../catalog/product-matcher.js';
import { isDevanagari, isLatinLetter } from '../language/normalise.js';
import type { Token } from '../language/tokenise.js';
import { ENGLISH_MARKERS, HINGLISH_MARKERS } from './lexicon.js';
import type { Lang } from './types.js';

// Which register to answer in: Devanagari is Hindi; Latin letters are Hinglish when Hindi words
// (aaj, becha, cheeni, kitne) outnumber English ones, else English.

const HINDI_PRODUCT_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  for (const product of DEFAULT_CATALOG) {
    const english = new Set(matchKey(product.names.en).split(' '));
    for (const word of matchKey(product.names['hi-Latn']).split(' ')) if (!english.has(word)) words.add(word);
  }
  return words;
})();

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
    if (HINGLISH_MARKERS.has(token.text) || HINDI_PRODUCT_WORDS.has(token.text)) hinglish++;
    else if (ENGLISH_MARKERS.has(token.text)) english++;
  }
  return hinglish > english ? 'hi-Latn' : 'en';
}
