// Text normalisation shared by the tokenizer and the product matcher, so a word typed any way and a
// catalog name meet in the same form.

const DEVANAGARI_ZERO = 0x0966;
const NUKTA = '\u093c';
const CHANDRABINDU = '\u0901';
const ANUSVARA = '\u0902';

/** Lower-case, NFC, Devanagari digits as ASCII, nukta dropped and chandrabindu folded into anusvara. */
export function normaliseText(text: string): string {
  let out = '';
  // NFD splits precomposed nukta letters (ड़ -> ड + ़) so the nukta can be dropped: people type both.
  for (const ch of text.normalize('NFD')) {
    const code = ch.codePointAt(0)!;
    if (code >= DEVANAGARI_ZERO && code <= DEVANAGARI_ZERO + 9) out += String(code - DEVANAGARI_ZERO);
    else if (ch === NUKTA || ch === '\u200d' || ch === '\u200c') continue;
    else if (ch === CHANDRABINDU) out += ANUSVARA;
    else out += ch;
  }
  return out.normalize('NFC').toLowerCase();
}

export function isDevanagari(code: number): boolean {
  return code >= 0x0900 && code <= 0x097f;
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/**
 * A spelling-insensitive key for Latin-script Hindi: cheeni/chini, doodh/dudh, kurkure/kurkurey collapse
 * together. Doubled letters, long vowels and common h-aspirations vary freely in Hinglish typing.
 */
// Phonetic keys are asked for the same few thousand words over and over; a bounded memo saves the work.
const phoneticMemo = new Map<string, string>();

export function phoneticKey(word: string): string {
  const known = phoneticMemo.get(word);
  if (known !== undefined) return known;
  const key = computePhoneticKey(word);
  if (phoneticMemo.size >= 50_000) phoneticMemo.clear();
  phoneticMemo.set(word, key);
  return key;
}

function computePhoneticKey(word: string): string {
  let key = word;
  // Final -ey/-ay/-ie are spellings of a final vowel (kurkurey, anday, maggie).
  if (key.endsWith('ey') || key.endsWith('ay') || key.endsWith('ie')) key = key.slice(0, -1);
  key = key
    .replaceAll('ee', 'i')
    .replaceAll('oo', 'u')
    .replaceAll('aa', 'a')
    .replaceAll('ph', 'f')
    .replaceAll('sh', 's')
    .replaceAll('w', 'v')
    .replaceAll('z', 'j')
    .replaceAll('y', 'i')
    .replaceAll('q', 'k')
    .replaceAll('ck', 'k');
  let out = '';
  let prev = '';
  for (const ch of key) {
    // Drop repeats and the aspiration h after a consonant (dhoodh ~ dood), keep everything else.
    if (ch === prev) continue;
    if (ch === 'h' && prev !== '' && !'aeiou'.includes(prev)) continue;
    if (ch === ' ' || ch === '-' || ch === "'" || ch === '.') {
      prev = ch;
      continue;
    }
    out += ch;
    prev = ch;
  }
  key = out;
  // A final vowel is often dropped or changed (kurkure/kurkur, maggi/maggie).
  if (key.length > 3 && 'aeiu'.includes(key.at(-1)!)) key = key.slice(0, -1);
  return key;
}
