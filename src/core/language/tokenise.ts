import { normaliseText } from './normalise.js';

// A hand-written scanner (no regular expressions) so any input, however long or odd, is tokenised in one
// linear pass.

export type TokenKind = 'word' | 'number' | 'symbol' | 'break';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Numeric value for kind 'number'. */
  value?: number;
}

const BREAK_CHARS = new Set(['\n', ',', ';', '।', '|', '•', '\r']);
const SYMBOL_CHARS = new Set([
  '@',
  '×',
  '*',
  '=',
  '-',
  '/',
  '+',
  '?',
  '₹',
  ':',
  '&',
  '%',
  '(',
  ')',
  '!',
  '#',
]);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** A comma at `at` followed by exactly three digits, or by two digits and another comma. */
function isDigitGroup(chars: string[], at: number): boolean {
  if (!isDigit(chars[at + 1]) || !isDigit(chars[at + 2])) return false;
  if (isDigit(chars[at + 3])) return !isDigit(chars[at + 4]);
  return chars[at + 3] === ',' && isDigit(chars[at + 4]);
}

function isWordChar(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  if ((code >= 0x61 && code <= 0x7a) || code === 0x27 || code === 0x2019) return true;
  if (code >= 0x0900 && code <= 0x097f) return code !== 0x0964 && code !== 0x0965;
  // Other letters (accented Latin, other scripts) still make words so nothing is silently lost.
  return code > 0x7f && /\p{L}|\p{M}/u.test(ch);
}

export function tokenise(text: string): Token[] {
  const chars = Array.from(normaliseText(text));
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (isDigit(ch) || (ch === '.' && isDigit(chars[i + 1]))) {
      let j = i;
      let digits = '';
      let seenDot = false;
      while (j < chars.length) {
        const c = chars[j]!;
        if (isDigit(c)) digits += c;
        else if (c === '.' && !seenDot && isDigit(chars[j + 1])) {
          seenDot = true;
          digits += '.';
        } else if (c === ',' && !seenDot && isDigitGroup(chars, j)) {
          // Indian or western grouping (1,20,000 / 1,200): skip the comma, keep the digits.
        } else break;
        j++;
      }
      tokens.push({ kind: 'number', text: digits, value: Number(digits) });
      i = j;
      continue;
    }
    if (BREAK_CHARS.has(ch)) {
      if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', text: ch === '\r' ? '\n' : ch });
      i++;
      continue;
    }
    if (ch === '.') {
      // A full stop ends an item like a comma does; "rs." loses its dot harmlessly.
      if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', text: '.' });
      i++;
      continue;
    }
    if (SYMBOL_CHARS.has(ch)) {
      tokens.push({ kind: 'symbol', text: ch });
      i++;
      continue;
    }
    if (isWordChar(ch)) {
      let j = i;
      let word = '';
      while (j < chars.length) {
        const c = chars[j]!;
        // Keep hyphenated and apostrophe'd names whole: parle-g, lay's, ice-cream.
        const joiner = (c === '-' || c === "'") && word !== '' && isWordChar(chars[j + 1] ?? ' ');
        if (!isWordChar(c) && !joiner) break;
        word += c;
        j++;
      }
      const clean = word.replaceAll('\u2019', "'");
      // Possessive 's carries nothing here (today's report, yesterday's sales).
      tokens.push({
        kind: 'word',
        text: clean.endsWith("'s") && clean.length > 3 ? clean.slice(0, -2) : clean,
      });
      i = j;
      continue;
    }
    i++;
  }
  return tokens;
}
