// India has one fixed offset and no daylight saving, so a constant is exact and avoids a tz lookup.
const IST_OFFSET_MS = 5.5 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of 00:00 IST on a 'YYYY-MM-DD' day. */
export function istMidnight(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [, y, m, d] = match;
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) - IST_OFFSET_MS;
}

/** The IST calendar day containing an instant. */
export function istDateOf(instantMs: number): string {
  return new Date(instantMs + IST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return istDateOf(istMidnight(date) + days * DAY_MS + IST_OFFSET_MS / 2);
}

export function isValidDate(date: string): boolean {
  if (!DATE_PATTERN.test(date)) return false;
  return istDateOf(istMidnight(date)) === date;
}

export function dateOfYear(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const HOUR_MS = 3_600_000;
export { DAY_MS };
