import { FESTIVAL_BY_PHRASE } from '../language/festival-names.js';
import type { Token } from '../language/tokenise.js';

// Festivals named in a message. "rakhi" is both the festival and the thread sold for it; it is the festival
// only when a postposition says so ("rakhi pe", "for rakhi"), otherwise it stays a product.

const AMBIGUOUS = new Set(['rakhi', 'rakhee', 'राखी']);
const AFTER = new Set([
  'pe',
  'par',
  'ke',
  'ki',
  'tak',
  'mein',
  'me',
  'se',
  'wale',
  'पर',
  'पे',
  'के',
  'की',
  'तक',
  'में',
  'से',
  'वाले',
]);
const BEFORE = new Set(['for', 'on', 'before', 'till', 'during', 'until', 'this', 'next']);

export interface FestivalMention {
  id: string;
  used: number[];
}

export function findFestival(tokens: Token[]): FestivalMention | null {
  for (let i = 0; i < tokens.length; i++) {
    for (let length = 3; length >= 1; length--) {
      let phrase = '';
      let ok = true;
      for (let k = i; k < i + length; k++) {
        const token = tokens[k];
        if (token?.kind !== 'word') {
          ok = false;
          break;
        }
        phrase += (k === i ? '' : ' ') + token.text.replaceAll('-', ' ');
      }
      if (!ok) continue;
      const id = FESTIVAL_BY_PHRASE.get(phrase);
      if (id === undefined) continue;
      if (length === 1 && AMBIGUOUS.has(phrase)) {
        const next = tokens[i + 1]?.text ?? '';
        const prev = tokens[i - 1]?.text ?? '';
        if (!AFTER.has(next) && !BEFORE.has(prev)) continue;
      }
      return { id, used: Array.from({ length }, (_, k) => i + k) };
    }
  }
  return null;
}
