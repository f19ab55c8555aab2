import { addDays, daysBetween, eachDay, weekdayOf } from '../inventory/local-date.js';

// Shop-local calendar days as 'YYYY-MM-DD' strings: the shared day arithmetic plus what the simulator's
// calendar effects need on top of it.

export { addDays, daysBetween, weekdayOf as dayOfWeek };

export function dayOfMonth(date: string): number {
  return Number(date.slice(8, 10));
}

/** 1 on 1 January. */
export function dayOfYear(date: string): number {
  return daysBetween(`${date.slice(0, 4)}-01-01`, date) + 1;
}

export function dateRange(startDate: string, days: number): string[] {
  return eachDay(startDate, addDays(startDate, days - 1));
}
