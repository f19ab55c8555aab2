import { HINDU_FESTIVALS } from './definitions-hindu.js';
import { OTHER_FESTIVALS } from './definitions-other.js';
import { islamicFestivalsInYear } from './islamic-festivals.js';
import { dateOfYear } from './ist-time.js';
import { lunisolarFestivalsInYear } from './lunisolar-festivals.js';
import { solarFestivalsInYear } from './solar-festivals.js';
import type { ComputedOccurrence, FestivalDefinition } from './types.js';

export const FESTIVALS: readonly FestivalDefinition[] = [...HINDU_FESTIVALS, ...OTHER_FESTIVALS];

const byDateThenId = (a: ComputedOccurrence, b: ComputedOccurrence): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Every festival of one Gregorian year from first principles (sun, moon, Hijri calendar, fixed rules),
 * sorted by date then id. Tens of milliseconds a year: the generated table serves the common years.
 */
export function computeFestivalYear(year: number): ComputedOccurrence[] {
  const fixed: ComputedOccurrence[] = [
    { id: 'new_year', date: dateOfYear(year, 1, 1) },
    { id: 'christmas', date: dateOfYear(year, 12, 25) },
  ];
  return [
    ...lunisolarFestivalsInYear(year),
    ...solarFestivalsInYear(year),
    ...islamicFestivalsInYear(year),
    ...fixed,
  ].sort(byDateThenId);
}
