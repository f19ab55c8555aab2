import { addDays, daysBetween, weekdayOf } from '../inventory/local-date.js';
import type { Period } from '../parse/types.js';

// Which days a report covers and which days it is compared with. Periods run to today, so the
// comparison is like for like: the same number of days at the start of the previous week or month,
// never a partial week against a full one. Today is still being sold, so a week or month compares its
// finished days only (a morning report would otherwise always look like a fall).

export interface DayRange {
  /** Shop-local 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
}

export interface ReportWindow {
  period: Period;
  current: DayRange;
  previous: DayRange;
  /** The days the change is measured on: the finished days of both ranges, when there are any. */
  compare: { current: DayRange; previous: DayRange };
}

/** Monday: the week most Indian shops (and their suppliers' weekly accounts) count from. */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function startOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function previousMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  return `${prevYear}-${String(prevMonth).padStart(2, '0')}-01`;
}

export function reportWindow(period: Period, today: string): ReportWindow {
  const window = rangesFor(period, today);
  const { current, previous } = window;
  const finishedOnly = (period === 'week' || period === 'month') && current.from < current.to;
  const compare = finishedOnly
    ? {
        current: { from: current.from, to: addDays(current.to, -1) },
        previous: {
          from: previous.from,
          to: minDate(previous.to, addDays(previous.from, daysBetween(current.from, current.to) - 1)),
        },
      }
    : { current, previous };
  return { ...window, compare };
}

function rangesFor(period: Period, today: string): Omit<ReportWindow, 'compare'> {
  switch (period) {
    case 'today':
      return { period, current: { from: today, to: today }, previous: singleDay(addDays(today, -1)) };
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return { period, current: singleDay(yesterday), previous: singleDay(addDays(yesterday, -1)) };
    }
    case 'week': {
      const from = startOfWeek(today);
      return {
        period,
        current: { from, to: today },
        previous: { from: addDays(from, -7), to: addDays(today, -7) },
      };
    }
    case 'month': {
      const from = startOfMonth(today);
      const prevFrom = previousMonthStart(today);
      const prevLength = daysInMonth(Number(prevFrom.slice(0, 4)), Number(prevFrom.slice(5, 7)));
      // 31 March compares with the whole of February, not with 3 March.
      const elapsed = Math.min(daysBetween(from, today), prevLength - 1);
      return {
        period,
        current: { from, to: today },
        previous: { from: prevFrom, to: addDays(prevFrom, elapsed) },
      };
    }
  }
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function singleDay(date: string): DayRange {
  return { from: date, to: date };
}

export function dayCount(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}
