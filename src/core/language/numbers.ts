import { hindiNumberWords } from './hindi-number-words.js';
import { normaliseText } from './normalise.js';
import type { Token } from './tokenise.js';

// Quantities as shopkeepers say them: 18, १८, eighteen, atharah, अठारह, dedh, saadhe teen, paune do,
// dhai sau, 1/2, 2 lakh. Hindi fraction words have no library, so they are written out here.

const ENGLISH: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

const WORDS = new Map<string, number>([...hindiNumberWords(normaliseText), ...Object.entries(ENGLISH)]);

/** Words that are a number on their own: half, dedh (1.5), dhai (2.5). */
const FRACTIONS = new Map<string, number>(
  [
    ['aadha adha aadhi adhi aadhe adhe half आधा आधी आधे', 0.5],
    ['dedh derh dedd dhedh डेढ', 1.5],
    ['dhai dhaai adhai adhaai ढाई अढाई', 2.5],
    ['quarter', 0.25],
  ].flatMap(([words, value]) => (words as string).split(' ').map((w) => [w, value as number] as const)),
);

/** sawa X = X + 1/4, paune X = X - 1/4, saadhe X = X + 1/2. */
const MODIFIERS = new Map<string, number>(
  [
    ['sawa sava savaa sawaa सवा', 0.25],
    ['paune pone paone paun पौने', -0.25],
    ['saadhe sadhe saade sade saadhey साढे', 0.5],
  ].flatMap(([words, value]) => (words as string).split(' ').map((w) => [w, value as number] as const)),
);

const MULTIPLIERS = new Map<string, number>(
  [
    ['sau hundred सौ', 100],
    ['hazar hazaar hajar hajaar hazzar thousand हजार k', 1000],
    ['lakh lac lakhs lacs लाख', 100_000],
    ['crore karod करोड', 10_000_000],
  ].flatMap(([words, value]) => (words as string).split(' ').map((w) => [w, value as number] as const)),
);

/** A quarter kilo (paav) is a weight, not a bare fraction: "ek paav dahi" is 0.25 kg. */
const PAAV = new Set(['paav', 'paau', 'paaw', 'पाव']);

/** "do" is also "give" (kar do, bhej do); after these it is a verb, not two. */
const BEFORE_VERB_DO = new Set([
  'kar',
  'kr',
  'bhej',
  'de',
  'hata',
  'likh',
  'bata',
  'rakh',
  'band',
  'chalu',
  'dikha',
  'bol',
  'laga',
  'mangwa',
  'mangva',
  'bana',
  'badal',
  'jod',
  'mita',
  'cancel',
  'undo',
  'shuru',
  'karo',
  'कर',
  'भेज',
  'दे',
  'हटा',
  'लिख',
  'बता',
  'रख',
  'बंद',
  'चालू',
  'दिखा',
  'बोल',
  'लगा',
  'जोड',
  'मिटा',
]);

export interface NumberReading {
  value: number;
  /** Index of the first token after the number. */
  end: number;
  /** Set when the words carried their own unit (paav = 0.25 kg). */
  unit?: 'kg';
}

/** Hindi number or fraction words typed in Latin letters (teen, bees, dedh): a sign of Hinglish. */
export function isHinglishNumberWord(word: string): boolean {
  const numeric =
    WORDS.has(word) || FRACTIONS.has(word) || MODIFIERS.has(word) || PAAV.has(word) || MULTIPLIERS.has(word);
  if (!numeric || ENGLISH[word] !== undefined || NOT_HINGLISH.has(word)) return false;
  return /^[a-z]+$/.test(word);
}

/** Number words English shares, or that are a verb too ("kar do"). */
const NOT_HINGLISH = new Set([
  'do',
  'half',
  'quarter',
  'k',
  'hundred',
  'thousand',
  'lakh',
  'lac',
  'lakhs',
  'lacs',
  'crore',
]);

export function isNumberWord(word: string): boolean {
  return (
    WORDS.has(word) || FRACTIONS.has(word) || MODIFIERS.has(word) || MULTIPLIERS.has(word) || PAAV.has(word)
  );
}

/** A bare single number word or digits, e.g. a menu choice ("2", "do", "दो"). */
export function simpleNumber(token: Token | undefined): number | null {
  if (!token) return null;
  if (token.kind === 'number') return token.value ?? null;
  if (token.kind !== 'word') return null;
  return WORDS.get(token.text) ?? FRACTIONS.get(token.text) ?? null;
}

function readBase(tokens: Token[], i: number): { value: number; end: number } | null {
  const token = tokens[i];
  if (!token) return null;
  if (token.kind === 'number') {
    const value = token.value ?? Number.NaN;
    if (!Number.isFinite(value)) return null;
    // 1/2 kg, 3/4 litre
    if (tokens[i + 1]?.text === '/' && tokens[i + 2]?.kind === 'number') {
      const denominator = tokens[i + 2]!.value ?? 0;
      if (denominator > 0 && denominator <= 16) return { value: value / denominator, end: i + 3 };
    }
    return { value, end: i + 1 };
  }
  if (token.kind !== 'word') return null;
  const fraction = FRACTIONS.get(token.text);
  if (fraction !== undefined) return { value: fraction, end: i + 1 };
  const word = WORDS.get(token.text);
  if (word === undefined) {
    // forty-two arrives as one hyphenated word
    if (!token.text.includes('-')) return null;
    const [tens, unit, extra] = token.text.split('-');
    const t = ENGLISH[tens ?? ''];
    const u = ENGLISH[unit ?? ''];
    if (
      extra === undefined &&
      t !== undefined &&
      u !== undefined &&
      t >= 20 &&
      t % 10 === 0 &&
      u > 0 &&
      u < 10
    ) {
      return { value: t + u, end: i + 1 };
    }
    return null;
  }
  if (token.text === 'do' || token.text === 'दो') {
    const prev = tokens[i - 1];
    if (prev?.kind === 'word' && BEFORE_VERB_DO.has(prev.text)) return null;
  }
  // twenty five, forty-two (the hyphen arrives as its own symbol token or inside the word)
  if (word >= 20 && word < 100 && word % 10 === 0 && ENGLISH[token.text] !== undefined) {
    const next = tokens[i + 1]?.text === '-' ? i + 2 : i + 1;
    const unit = ENGLISH[tokens[next]?.text ?? ''];
    if (unit !== undefined && unit > 0 && unit < 10) return { value: word + unit, end: next + 1 };
  }
  return { value: word, end: i + 1 };
}

/** Reads a number starting at token i, or returns null when there is none. */
export function readNumber(tokens: Token[], i: number): NumberReading | null {
  let at = i;
  const first = tokens[at];
  if (!first) return null;
  if (first.kind === 'word' && PAAV.has(first.text)) return { value: 0.25, end: at + 1, unit: 'kg' };
  const modifier = first.kind === 'word' ? MODIFIERS.get(first.text) : undefined;
  if (modifier !== undefined) at++;
  const base = readBase(tokens, at);
  if (!base) {
    // "sawa kilo", "paune kilo": the modifier alone means one and a quarter / three quarters.
    if (modifier === 0.25 || modifier === -0.25) return { value: 1 + modifier, end: at };
    return null;
  }
  let value = base.value + (modifier ?? 0);
  at = base.end;
  const next = tokens[at];
  const multiplier = next?.kind === 'word' ? MULTIPLIERS.get(next.text) : undefined;
  if (multiplier !== undefined && multiplier > value) {
    value *= multiplier;
    at++;
    // ek sau bees = 120, do hazaar paanch sau = 2500
    const rest = readBase(tokens, at);
    if (rest && rest.value < multiplier && tokens[at]?.kind === 'word') {
      const restMultiplier = MULTIPLIERS.get(tokens[rest.end]?.text ?? '');
      if (restMultiplier !== undefined && restMultiplier < multiplier) {
        value += rest.value * restMultiplier;
        at = rest.end + 1;
      } else if (restMultiplier === undefined) {
        value += rest.value;
        at = rest.end;
      }
    }
  }
  const after = tokens[at];
  if (after?.kind === 'word' && PAAV.has(after.text)) return { value: value * 0.25, end: at + 1, unit: 'kg' };
  return { value, end: at };
}
