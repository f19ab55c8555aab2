// Calendar-day arithmetic on 'YYYY-MM-DD' strings. Days are counted in UTC so that no time zone or clock
// can shift them; a day number is days since 1970-01-01.

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function monthOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCMonth();
}

export function dayOfMonthOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCDate();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
