import type { Token } from './tokenise.js';
import { unitOf } from './units.js';

// Days named by number: "12/11 ko", "12/11/2026", "23 tarikh ko", "on the 5th". A kirana ledger is
// written late ("12/11 ko 5 maggi bechi" on the 24th), so these matter as much as aaj/kal. Day first,
// as India writes dates. A bare "1/2" stays a fraction: a slash pair is a date only with a year, a date
// word next to it (ko, tarikh, on, date), or a first part too big for a kirana fraction and no unit after.

export interface CalendarDate {
  /** YYYY-MM-DD */
  date: string;
  /** Token indexes the date used, so they are not read as quantities. */
  used: number[];
}

const MARKERS_AFTER = new Set(['ko', 'tarikh', 'tareekh', 'tarik', 'tarikh.', 'को', 'तारीख', 'तारीख़']);
const MARKERS_BEFORE = new Set(['on', 'date', 'dated', 'dt', 'tarikh', 'तारीख']);
const DAY_NOUNS = new Set(['tarikh', 'tareekh', 'tarik', 'तारीख', 'st', 'nd', 'rd', 'th']);

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** The occurrence nearest the tense: latest on or before today for the past, earliest on or after for the future. */
function pick(options: (string | null)[], today: string, tense: Tense): string | null {
  const valid = options.filter((date): date is string => date !== null);
  if (tense === 'past') return valid.filter((date) => date <= today).at(-1) ?? null;
  if (tense === 'future') return valid.find((date) => date >= today) ?? null;
  const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
  let best: string | null = null;
  for (const date of valid)
    if (best === null || Math.abs(dayMs(date) - dayMs(today)) < Math.abs(dayMs(best) - dayMs(today)))
      best = date;
  return best;
}

type Tense = 'past' | 'future' | null;
/** Reads a date starting at token i, or null. */
type DateReader = (tokens: Token[], i: number, today: string, tense: Tense) => CalendarDate | null;

const integer = (token: Token | undefined): number | null =>
  token?.kind === 'number' && token.value !== undefined && Number.isInteger(token.value) ? token.value : null;

const slashDate: DateReader = (tokens, i, today, tense) => {
  const day = integer(tokens[i]);
  const month = integer(tokens[i + 2]);
  if (day === null || month === null || tokens[i + 1]?.text !== '/') return null;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const yearToken = tokens[i + 3]?.text === '/' ? integer(tokens[i + 4]) : null;
  const end = yearToken === null ? i + 3 : i + 5;
  const after = tokens[end]?.text ?? '';
  const before = tokens[i - 1]?.text ?? '';
  const marked = MARKERS_AFTER.has(after) || MARKERS_BEFORE.has(before);
  const bigFirst = day > 4 && unitOf(after) === undefined;
  if (yearToken === null && !marked && !bigFirst) return null;
  const used = Array.from({ length: end - i }, (_, k) => i + k);
  const thisYear = Number(today.slice(0, 4));
  if (yearToken !== null) {
    const year = yearToken < 100 ? 2000 + yearToken : yearToken;
    const date = iso(year, month, day);
    return date === null ? null : { date, used };
  }
  const date = pick(
    [thisYear - 1, thisYear, thisYear + 1].map((y) => iso(y, month, day)),
    today,
    tense,
  );
  return date === null ? null : { date, used };
};

const dayOfMonth: DateReader = (tokens, i, today, tense) => {
  const day = integer(tokens[i]);
  const noun = tokens[i + 1];
  if (day === null || day < 1 || day > 31 || noun?.kind !== 'word' || !DAY_NOUNS.has(noun.text)) return null;
  // "5 th" alone could be noise; an ordinal counts after "on" or before a date word.
  const ordinal = noun.text.length === 2;
  if (
    ordinal &&
    !MARKERS_BEFORE.has(tokens[i - 1]?.text ?? '') &&
    !MARKERS_AFTER.has(tokens[i + 2]?.text ?? '')
  )
    return null;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const options = [-1, 0, 1].map((shift) => {
    const first = new Date(Date.UTC(year, month - 1 + shift, 1));
    return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, day);
  });
  const date = pick(options, today, tense);
  return date === null ? null : { date, used: [i, i + 1] };
};

/** The first day named by number in a message, resolved against `today` (YYYY-MM-DD). */
export function findCalendarDate(tokens: Token[], today: string, tense: Tense): CalendarDate | null {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.kind !== 'number') continue;
    const found = slashDate(tokens, i, today, tense) ?? dayOfMonth(tokens, i, today, tense);
    if (found) return found;
  }
  return null;
}
