import { DAY_MS, dateOfYear, istMidnight } from './ist-time.js';
import { nextElongation, siderealSunLongitude } from './sky.js';

/** Amanta month names in order, Chaitra first. Index 0..11. */
export const LUNAR_MONTHS = [
  'chaitra',
  'vaishakha',
  'jyeshtha',
  'ashadha',
  'shravana',
  'bhadrapada',
  'ashvin',
  'kartika',
  'margashirsha',
  'pausha',
  'magha',
  'phalguna',
] as const;
export type LunarMonthName = (typeof LUNAR_MONTHS)[number];

/** One amanta month: from a new moon to the next. */
export interface LunarMonth {
  name: LunarMonthName;
  /** Adhik (intercalary) month: no sankranti inside it; festivals are kept in the nija month after it. */
  adhik: boolean;
  startMs: number;
  endMs: number;
}

/**
 * Amanta months whose start new moon falls in [fromMs, toMs). A month is named for the sidereal sign the
 * sun is in at its opening new moon (sun in Meena opens Chaitra); when two consecutive new moons find the
 * sun in the same sign, no sankranti fell between them and the first month is the adhik one. A kshaya
 * month (two sankrantis in one month, as in the winter of 1982-83) carries both names, so it is listed
 * twice with the same span and the festivals of both months stay in the calendar.
 */
export function lunarMonthsBetween(fromMs: number, toMs: number): LunarMonth[] {
  const newMoons: number[] = [];
  let t = nextElongation(0, fromMs);
  while (t < toMs + 35 * DAY_MS) {
    newMoons.push(t);
    t = nextElongation(0, t + 20 * DAY_MS);
  }
  const signs = newMoons.map((moment) => Math.floor(siderealSunLongitude(moment) / 30));
  const months: LunarMonth[] = [];
  for (let i = 0; i + 1 < newMoons.length; i++) {
    const start = newMoons[i] as number;
    if (start >= toMs) break;
    const sign = signs[i] as number;
    const nextSign = signs[i + 1] as number;
    const span = { startMs: start, endMs: newMoons[i + 1] as number };
    months.push({ name: LUNAR_MONTHS[(sign + 1) % 12] as LunarMonthName, adhik: nextSign === sign, ...span });
    if ((nextSign - sign + 12) % 12 === 2) {
      months.push({ name: LUNAR_MONTHS[(sign + 2) % 12] as LunarMonthName, adhik: false, ...span });
    }
  }
  return months;
}

/** Months that can hold a festival dated in `year` (a margin either side for festivals near the new year). */
export function lunarMonthsForYear(year: number): LunarMonth[] {
  return lunarMonthsBetween(
    istMidnight(dateOfYear(year - 1, 11, 15)),
    istMidnight(dateOfYear(year + 1, 1, 15)),
  );
}

/** Start and end instants of tithi 1..30 within a month. */
export function tithiSpan(month: LunarMonth, tithi: number): { startMs: number; endMs: number } {
  const startMs =
    tithi === 1
      ? month.startMs
      : nextElongation((tithi - 1) * 12, month.startMs + (tithi - 2) * 0.8 * DAY_MS);
  const endMs = tithi === 30 ? month.endMs : nextElongation(tithi * 12, startMs);
  return { startMs, endMs };
}
