import { computeFestivalYear, FESTIVALS } from './compute-year.js';
import { type FestivalTable, tableYear } from './festival-table.js';
import generatedTable from './generated/festival-table.json' with { type: 'json' };
import { addDays, isValidDate } from './ist-time.js';
import { normaliseStateCode } from './states.js';
import type { FestivalDefinition, FestivalOccurrence, StateOption } from './types.js';

export { computeFestivalYear, FESTIVALS } from './compute-year.js';
export { isPayday, PAYDAY_LAST_DAY_OF_MONTH } from './payday.js';
export { ALL_STATES, INDIAN_STATES, normaliseStateCode, type StateCode } from './states.js';
export type {
  CalendarKind,
  ComputedOccurrence,
  FestivalDefinition,
  FestivalNames,
  FestivalOccurrence,
  ProductCategory,
  StateOption,
} from './types.js';
export { UPLIFT_CATEGORIES } from './types.js';

const TABLE = generatedTable as FestivalTable;
/** Years the checked-in table covers; outside them dates are computed (slower, same answers). */
export const TABLE_YEARS = { from: TABLE.fromYear, to: TABLE.toYear } as const;

const definitions = new Map(FESTIVALS.map((festival) => [festival.id, festival]));

export function festivalById(id: string): FestivalDefinition | undefined {
  return definitions.get(id);
}

function stateFilter(options: StateOption | undefined): (id: string) => boolean {
  if (options?.state === undefined) return () => true;
  const state = normaliseStateCode(options.state);
  if (!state) throw new RangeError(`unknown Indian state code: ${options.state}`);
  return (id) => festivalById(id)?.states.includes(state) ?? false;
}

function occurrencesOfYear(year: number): FestivalOccurrence[] {
  const raw = tableYear(TABLE, year) ?? computeFestivalYear(year);
  return raw.map(({ id, date }) => ({ id, name: festivalById(id)?.names.en ?? id, date }));
}

/** Festivals of the years fromYear..toYear (inclusive), sorted by date; optionally one state's. */
export function festivalsBetween(
  fromYear: number,
  toYear: number,
  options?: StateOption,
): FestivalOccurrence[] {
  for (const year of [fromYear, toYear]) {
    // Four-digit years only: the astronomy and the Hijri conversion are not meant for antiquity.
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year: ${year}`);
  }
  if (fromYear > toYear) throw new RangeError(`from year ${fromYear} is after to year ${toYear}`);
  const keep = stateFilter(options);
  const result: FestivalOccurrence[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const occurrence of occurrencesOfYear(year)) if (keep(occurrence.id)) result.push(occurrence);
  }
  return result;
}

/** Festivals from `fromDate` through `fromDate + days` (both inclusive), sorted by date. */
export function upcomingFestivals(
  fromDate: string,
  days: number,
  options?: StateOption,
): FestivalOccurrence[] {
  if (!isValidDate(fromDate)) throw new RangeError(`not a YYYY-MM-DD date: ${fromDate}`);
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number >= 0: ${days}`);
  const toDate = addDays(fromDate, days);
  return festivalsBetween(Number(fromDate.slice(0, 4)), Number(toDate.slice(0, 4)), options).filter(
    (occurrence) => occurrence.date >= fromDate && occurrence.date <= toDate,
  );
}
