import { addDays, DAY_MS, istDateOf } from './ist-time.js';
import { type LunarMonthName, lunarMonthsForYear, tithiSpan } from './lunar-months.js';
import { NEW_DELHI } from './sky.js';
import { createDayClock, resolveTithi, type TithiRule } from './tithi-rules.js';
import type { ComputedOccurrence } from './types.js';

/**
 * A festival fixed by a tithi of a lunar month. Months are amanta (new moon to new moon); a purnimanta
 * krishna-paksha name (as used in north India) is the amanta month before it, which is how the specs below
 * are written: purnimanta Kartika Krishna Amavasya (Diwali) is amanta Ashvin tithi 30.
 * `offsetDays` shifts the resolved day (Holi is the day after Holika Dahan).
 */
export interface LunisolarSpec {
  id: string;
  month: LunarMonthName;
  tithi: number;
  rule: TithiRule;
  offsetDays?: number;
}

const sunriseRule: TithiRule = { kind: 'sunrise' };

export const LUNISOLAR_SPECS: readonly LunisolarSpec[] = [
  {
    id: 'maha_shivratri',
    month: 'magha',
    tithi: 29,
    rule: { kind: 'kala', kala: 'nishita', prefer: 'first' },
  },
  {
    id: 'holika_dahan',
    month: 'phalguna',
    tithi: 15,
    rule: { kind: 'purnima-avoiding-bhadra', festival: 'holika_dahan' },
  },
  {
    id: 'holi',
    month: 'phalguna',
    tithi: 15,
    rule: { kind: 'purnima-avoiding-bhadra', festival: 'holika_dahan' },
    offsetDays: 1,
  },
  {
    id: 'ram_navami',
    month: 'chaitra',
    tithi: 9,
    rule: { kind: 'kala', kala: 'madhyahna', prefer: 'first' },
  },
  {
    id: 'raksha_bandhan',
    month: 'shravana',
    tithi: 15,
    rule: { kind: 'purnima-avoiding-bhadra', festival: 'raksha_bandhan' },
  },
  // Ashtami at nishita, the later night on a tie (as in 2021); Vaishnava calendars may keep the next day.
  {
    id: 'janmashtami',
    month: 'shravana',
    tithi: 23,
    rule: { kind: 'kala', kala: 'nishita', prefer: 'last' },
  },
  {
    id: 'ganesh_chaturthi',
    month: 'bhadrapada',
    tithi: 4,
    rule: { kind: 'kala', kala: 'madhyahna', prefer: 'first' },
  },
  { id: 'navratri', month: 'ashvin', tithi: 1, rule: sunriseRule },
  // Durga Puja is dated by its Maha Saptami (the puja runs Saptami to Dashami, four days), sunrise tithi.
  { id: 'durga_puja', month: 'ashvin', tithi: 7, rule: sunriseRule },
  { id: 'dussehra', month: 'ashvin', tithi: 10, rule: { kind: 'vijaya-dashami' } },
  { id: 'karva_chauth', month: 'ashvin', tithi: 19, rule: { kind: 'moonrise' } },
  {
    id: 'dhanteras',
    month: 'ashvin',
    tithi: 28,
    rule: { kind: 'kala', kala: 'pradosh', prefer: 'last-touching' },
  },
  { id: 'diwali', month: 'ashvin', tithi: 30, rule: { kind: 'kala', kala: 'pradosh', prefer: 'last' } },
  { id: 'bhai_dooj', month: 'kartika', tithi: 2, rule: { kind: 'kala', kala: 'aparahna', prefer: 'first' } },
  // Chhath's main day (sandhya arghya) is the Shashthi in force at sunrise.
  { id: 'chhath', month: 'kartika', tithi: 6, rule: sunriseRule },
  { id: 'guru_nanak_jayanti', month: 'kartika', tithi: 15, rule: sunriseRule },
];

/** All lunisolar festivals falling in a Gregorian year, never in an adhik month. */
export function lunisolarFestivalsInYear(year: number): ComputedOccurrence[] {
  const clock = createDayClock(NEW_DELHI);
  const months = lunarMonthsForYear(year).filter((month) => !month.adhik);
  const prefix = `${year}-`;
  const found: ComputedOccurrence[] = [];
  for (const spec of LUNISOLAR_SPECS) {
    for (const month of months) {
      if (month.name !== spec.month) continue;
      // Skip months that cannot reach into the year, to save the rise/set searches.
      if (
        !istDateOf(month.endMs + 3 * DAY_MS).startsWith(prefix) &&
        !istDateOf(month.startMs).startsWith(prefix)
      )
        continue;
      const day = resolveTithi(tithiSpan(month, spec.tithi), spec.rule, clock);
      const date = spec.offsetDays ? addDays(day, spec.offsetDays) : day;
      if (date.startsWith(prefix)) found.push({ id: spec.id, date });
    }
  }
  return found;
}
