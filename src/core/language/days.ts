import type { Token } from './tokenise.js';

// Which day a message talks about, and how far ahead a question looks. "kal" is both yesterday and
// tomorrow in Hindi; the verb's tense decides (kal becha = yesterday, kal bikega = tomorrow).

const TODAY = new Set(['aaj', 'aj', 'aaja', 'today', 'tday', 'आज']);
const KAL = new Set(['kal', 'kl', 'kall', 'कल']);
const PARSO = new Set(['parso', 'parson', 'parsho', 'parsoon', 'परसों', 'परसो']);
const YESTERDAY = new Set(['yesterday', 'yday', 'ystrday', 'yesterdy']);
const TOMORROW = new Set(['tomorrow', 'tmrw', 'tomorow', 'tommorow', 'tmr', 'tommorrow']);

const PAST_STEMS = [
  'bech',
  'bik',
  'bika',
  'bike',
  'biki',
  'sold',
  'tha',
  'the',
  'thi',
  'hua',
  'hui',
  'hue',
  'aaya',
  'aaye',
  'aayi',
  'aya',
  'aye',
  'ayi',
  'liya',
  'kharid',
  'बेच',
  'बिक',
  'था',
  'थे',
  'थी',
  'हुआ',
  'हुई',
  'आया',
  'आए',
  'आये',
  'आई',
  'लिया',
  'खरीद',
];
const FUTURE_ENDINGS = [
  'ega',
  'egi',
  'enge',
  'egaa',
  'oge',
  'unga',
  'ungi',
  'ेगा',
  'ेगी',
  'ेंगे',
  'ूंगा',
  'ूंगी',
  'ोगे',
];
const FUTURE_WORDS = new Set([
  'will',
  'chahiye',
  'chaiye',
  'chahie',
  'mangwau',
  'mangau',
  'mangwaun',
  'mangaun',
  'lagega',
  'need',
  'order',
  'चाहिए',
  'चाहिये',
  'मंगवाऊं',
  'मंगाऊं',
]);

export interface DayReference {
  /** Days relative to today: 0 today, -1 yesterday, 1 tomorrow. */
  offset: number;
  /** Token indexes the reference used, so they are not read as anything else. */
  used: number[];
}

export function tenseOf(tokens: Token[]): 'past' | 'future' | null {
  for (const token of tokens) {
    if (token.kind !== 'word') continue;
    const word = token.text;
    if (
      FUTURE_WORDS.has(word) ||
      FUTURE_ENDINGS.some((ending) => word.length > ending.length + 1 && word.endsWith(ending))
    ) {
      return 'future';
    }
    if (PAST_STEMS.some((stem) => word.startsWith(stem))) return 'past';
  }
  return null;
}

/**
 * The day a message names. `defaultTense` settles a bare "kal": a sale being logged happened yesterday, a
 * question about selling looks at tomorrow.
 */
export function findDay(tokens: Token[], defaultTense: 'past' | 'future'): DayReference | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word') continue;
    const word = token.text;
    if (TODAY.has(word)) return { offset: 0, used: [i] };
    if (YESTERDAY.has(word)) return { offset: -1, used: [i] };
    if (TOMORROW.has(word)) return { offset: 1, used: [i] };
    if (word === 'day' && tokens[i + 1]?.text === 'before' && YESTERDAY.has(tokens[i + 2]?.text ?? '')) {
      return { offset: -2, used: [i, i + 1, i + 2] };
    }
    if (word === 'day' && tokens[i + 1]?.text === 'after' && TOMORROW.has(tokens[i + 2]?.text ?? '')) {
      return { offset: 2, used: [i, i + 1, i + 2] };
    }
    if (KAL.has(word) || PARSO.has(word)) {
      const tense = tenseOf(tokens) ?? defaultTense;
      const magnitude = KAL.has(word) ? 1 : 2;
      return { offset: tense === 'past' ? -magnitude : magnitude, used: [i] };
    }
  }
  return null;
}

const DAY_WORDS = new Set(['din', 'dino', 'dinon', 'day', 'days', 'दिन', 'दिनों']);
const WEEK_WORDS = new Set([
  'hafte',
  'hafta',
  'haftay',
  'week',
  'weeks',
  'saptah',
  'हफ्ते',
  'हफ्ता',
  'सप्ताह',
  'हफ़्ते',
]);
const MONTH_WORDS = new Set([
  'mahine',
  'mahina',
  'mahiney',
  'month',
  'months',
  'maheene',
  'महीने',
  'महीना',
  'माह',
]);
const NEXT_WORDS = new Set([
  'agle',
  'agla',
  'agli',
  'next',
  'aane',
  'aanewale',
  'coming',
  'अगले',
  'अगला',
  'अगली',
  'आने',
]);

export interface Horizon {
  days: number;
  used: number[];
}

/** "agle hafte" = 7, "next month" = 30, "agle 3 din" / "3 din" / "next 10 days" = N. */
export function findHorizon(
  tokens: Token[],
  readCount: (at: number) => { value: number; end: number } | null,
): Horizon | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && NEXT_WORDS.has(token.text)) {
      const unitWord = tokens[i + 1]?.text ?? '';
      if (WEEK_WORDS.has(unitWord)) return { days: 7, used: [i, i + 1] };
      if (MONTH_WORDS.has(unitWord)) return { days: 30, used: [i, i + 1] };
    }
    const count = readCount(i);
    if (count && count.value > 0 && count.value <= 366) {
      const unitWord = tokens[count.end]?.text ?? '';
      const used = Array.from({ length: count.end - i + 1 }, (_, k) => i + k);
      if (NEXT_WORDS.has(tokens[i - 1]?.text ?? '')) used.unshift(i - 1);
      if (DAY_WORDS.has(unitWord)) return { days: count.value, used };
      if (WEEK_WORDS.has(unitWord)) return { days: count.value * 7, used };
      if (MONTH_WORDS.has(unitWord)) return { days: count.value * 30, used };
    }
  }
  return null;
}

export function isWeekWord(word: string): boolean {
  return WEEK_WORDS.has(word);
}

export function isMonthWord(word: string): boolean {
  return MONTH_WORDS.has(word);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const QUARTER_HOUR_MS = 15 * 60 * 1000;
// Intl formatting costs microseconds per call; a message stream shares a few quarter-hours, and no time
// zone changes its date inside one (offsets and DST switches fall on quarter hours), so results are memoised.
const dayCache = new Map<string, string>();

function formatDay(now: Date, timeZone: string): string {
  const bucket = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  const cacheKey = `${timeZone}|${bucket}`;
  const cached = dayCache.get(cacheKey);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const day = formatter.format(new Date(bucket * QUARTER_HOUR_MS));
  if (dayCache.size > 4096) dayCache.clear();
  dayCache.set(cacheKey, day);
  return day;
}

/** The shop-local calendar day of `now` plus `offset` days, as YYYY-MM-DD. */
export function localDate(now: Date, timeZone: string, offset = 0): string {
  const today = formatDay(now, timeZone);
  if (offset === 0) return today;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
}
