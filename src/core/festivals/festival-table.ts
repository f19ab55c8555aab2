import type { ComputedOccurrence } from './types.js';

/** Shape of generated/festival-table.json, written by `npm run festivals:generate`. */
export interface FestivalTable {
  fromYear: number;
  toYear: number;
  /** Year (as a string key) to that year's occurrences, sorted by date then id. */
  years: Record<string, ComputedOccurrence[]>;
}

export function buildFestivalTable(
  fromYear: number,
  toYear: number,
  computeYear: (year: number) => ComputedOccurrence[],
): FestivalTable {
  const years: Record<string, ComputedOccurrence[]> = {};
  for (let year = fromYear; year <= toYear; year++) years[String(year)] = computeYear(year);
  return { fromYear, toYear, years };
}

/** The table's entries for a year, or undefined when the year is outside it. */
export function tableYear(table: FestivalTable, year: number): ComputedOccurrence[] | undefined {
  if (year < table.fromYear || year > table.toYear) return undefined;
  return table.years[String(year)];
}
