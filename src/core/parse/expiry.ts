import type { Token } from '../language/tokenise.js';

// "20 doodh aaya expiry 28 tarikh", "20 दूध आया, एक्सपायरी 28 तारीख", "received 20 milk expiring 28 Nov":
// the day the goods that came in expire. Only a date right after an expiry word counts, and it is always
// the next such day from today (expired stock is not bought), so "28" on the 24th is the 28th of this
// month and on the 30th the 28th of next month. The words it used are handed back so they are neither the
// message's own date nor a quantity.

const EXPIRY_WORDS = new Set([
  'expiry',
  'expire',
  'expires',
  'expiring',
  'exp',
  'expiri',
  'expairy',
  'expairi',
  'ekspairi',
  'एक्सपायरी',
  'एक्सपायर',
  'एक्सपाइरी',
  'एक्सपाइर',
]);
// Words that may sit between the expiry word and the date, or after it: "expiry date 28 nov ko",
// "expiring on the 28th", "एक्सपायरी 28 तारीख को".
const FILLERS = new Set(['date', 'on', 'the', 'ki', 'ka', 'hai', 'h', 'की', 'का', 'है', ':']);
const AFTER = new Set(['ko', 'tak', 'को', 'तक']);
const DAY_NOUNS = new Set(['tarikh', 'tareekh', 'tarik', 'तारीख', 'तारीख़', 'st', 'nd', 'rd', 'th']);

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['jan', 'january', 'जनवरी']],
  [2, ['feb', 'february', 'फरवरी', 'फ़रवरी']],
  [3, ['mar', 'march', 'मार्च']],
  [4, ['apr', 'april', 'अप्रैल']],
  [5, ['may', 'मई']],
  [6, ['jun', 'june', 'जून']],
  [7, ['jul', 'july', 'जुलाई']],
  [8, ['aug', 'august', 'अगस्त']],
  [9, ['sep', 'sept', 'september', 'सितंबर', 'सितम्बर']],
  [10, ['oct', 'october', 'अक्टूबर', 'अक्तूबर']],
  [11, ['nov', 'november', 'नवंबर', 'नवम्बर']],
  [12, ['dec', 'december', 'दिसंबर', 'दिसम्बर']],
];
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = month;

export interface ExpiryDate {
  /** YYYY-MM-DD */
  date: string;
  used: number[];
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const integer = (token: Token | undefined): number | null =>
  token?.kind === 'number' && token.value !== undefined && Number.isInteger(token.value) ? token.value : null;

/** The first of the candidate days on or after today. */
function nextOf(candidates: (string | null)[], today: string): string | null {
  return candidates.find((date): date is string => date !== null && date >= today) ?? null;
}

function readDate(tokens: Token[], at: number, today: string): { date: string; end: number } | null {
  const day = integer(tokens[at]);
  if (day === null || day < 1 || day > 31) return null;
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let next = at + 1;
  if (tokens[next]?.text === '-' && MONTHS[tokens[next + 1]?.text ?? ''] !== undefined) next++;
  const named = MONTHS[tokens[next]?.text ?? ''];
  if (named !== undefined) {
    const date = nextOf([iso(year, named, day), iso(year + 1, named, day)], today);
    return date ? { date, end: next + 1 } : null;
  }
  const slashMonth =
    tokens[next]?.text === '/' || tokens[next]?.text === '-' ? integer(tokens[next + 1]) : null;
  if (slashMonth !== null && slashMonth >= 1 && slashMonth <= 12) {
    const separator = tokens[next]!.text;
    const yearToken = tokens[next + 2]?.text === separator ? integer(tokens[next + 3]) : null;
    if (yearToken !== null) {
      const date = iso(yearToken < 100 ? 2000 + yearToken : yearToken, slashMonth, day);
      return date ? { date, end: next + 4 } : null;
    }
    const date = nextOf([iso(year, slashMonth, day), iso(year + 1, slashMonth, day)], today);
    return date ? { date, end: next + 2 } : null;
  }
  // "28 tarikh", "28th" or a bare "28": a day of this month or the next.
  const end = DAY_NOUNS.has(tokens[next]?.text ?? '') ? next + 1 : next;
  const date = nextOf(
    [0, 1, 2].map((shift) => {
      const first = new Date(Date.UTC(year, month - 1 + shift, 1));
      return iso(first.getUTCFullYear(), first.getUTCMonth() + 1, day);
    }),
    today,
  );
  return date ? { date, end } : null;
}

/**
 * Every expiry date the message names after an expiry word, resolved against `today` (YYYY-MM-DD), in
 * order ("20 doodh expiry 28, 10 dahi expiry 30"): each one's words are used up, so a second date is never
 * read as the day of the purchase.
 */
export function findExpiries(tokens: Token[], today: string): ExpiryDate[] {
  const found: ExpiryDate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!EXPIRY_WORDS.has(tokens[i]?.text ?? '')) continue;
    let at = i + 1;
    while (FILLERS.has(tokens[at]?.text ?? '')) at++;
    const date = readDate(tokens, at, today);
    if (!date) continue;
    let end = date.end;
    if (AFTER.has(tokens[end]?.text ?? '')) end++;
    found.push({ date: date.date, used: Array.from({ length: end - i }, (_, k) => i + k) });
    i = end - 1;
  }
  return found;
}
