import { PAYDAY_LAST_DAY_OF_MONTH } from '../festivals/payday.js';
import { weekdayOf } from '../inventory/local-date.js';

// The regressors of the log-log demand fit. Every calendar effect a shop's demand follows but the model
// leaves out lands in the residual, and when a price change happens to overlap one (a promotion that runs
// into Diwali week, a new list price set in the summer) the elasticity takes credit for it; a missing effect
// also inflates the noise, so the estimate is looser than it needs to be. Hence the controls: weekday, the
// payday week (salaries land on the 1st-7th), a yearly cycle, one level per named festival window (Diwali
// week lifts snacks far more than Lohri does, so one shared "festival" flag fits neither), and slow drift.

export interface DesignDay {
  date: string;
  price: number;
  festival?: boolean;
  /** Named festival window this day belongs to (buying days and the festival itself). */
  festivalId?: string;
}

export interface DesignOptions {
  trend: 'linear' | 'blocks' | 'none';
  blockDays: number;
  /** Payday-week indicator (days 1-7 of the month). */
  payday: boolean;
  /** Yearly cycle (one sine-cosine pair); only used when the data spans at least this many days. */
  seasonMinDays: number;
}

export interface Design {
  rows: number[][];
  /** Column of the yearly cycle's sine (its cosine follows), or null without one. */
  seasonAt: number | null;
}

/** Columns: intercept, centred log price (always column 1, the elasticity), then the controls. */
export function designRows(days: readonly DesignDay[], options: DesignOptions): Design {
  const logPrices = days.map((d) => Math.log(d.price));
  const meanLogPrice = logPrices.reduce((s, v) => s + v, 0) / logPrices.length;
  const times = days.map((d) => Date.parse(`${d.date}T00:00:00Z`) / 86_400_000 / 365.25);
  const meanTime = times.reduce((s, v) => s + v, 0) / times.length;
  const spanDays = (times[times.length - 1]! - times[0]!) * 365.25;
  const blocks = Math.floor(spanDays / options.blockDays) + 1;
  const festivalColumns = festivalLevels(days);
  const payday = options.payday && varies(days, (d) => isPaydayWeek(d.date));
  // A yearly cycle needs a year to be told apart from drift and from the price levels themselves.
  const season = spanDays + 1 >= options.seasonMinDays;
  const seasonAt = season ? 8 + festivalColumns.length + (payday ? 1 : 0) : null;
  const rows = days.map((d, i) => {
    const weekday = weekdayOf(d.date);
    const row = [1, logPrices[i]! - meanLogPrice];
    for (let w = 1; w <= 6; w++) row.push(weekday === w ? 1 : 0);
    for (const level of festivalColumns) row.push(level(d) ? 1 : 0);
    if (payday) row.push(isPaydayWeek(d.date) ? 1 : 0);
    if (season) {
      const angle = 2 * Math.PI * times[i]!;
      row.push(Math.sin(angle), Math.cos(angle));
    }
    if (options.trend === 'linear') row.push(times[i]! - meanTime);
    if (options.trend === 'blocks') {
      const block = Math.floor(((times[i]! - times[0]!) * 365.25) / options.blockDays);
      for (let b = 1; b < blocks; b++) row.push(block === b ? 1 : 0);
    }
    return row;
  });
  return { rows, seasonAt };
}

// Named windows get a level each; days flagged only as `festival` share one. A level needs at least one day
// in and one day out of it, or it is collinear with the intercept.
function festivalLevels(days: readonly DesignDay[]): ((d: DesignDay) => boolean)[] {
  const ids = [...new Set(days.flatMap((d) => (d.festivalId ? [d.festivalId] : [])))].sort();
  const levels: ((d: DesignDay) => boolean)[] = ids.map((id) => (d) => d.festivalId === id);
  const unnamed = (d: DesignDay): boolean => d.festival === true && !d.festivalId;
  if (varies(days, unnamed)) levels.push(unnamed);
  return levels.filter((level) => varies(days, level));
}

function varies(days: readonly DesignDay[], test: (d: DesignDay) => boolean): boolean {
  return days.some(test) && days.some((d) => !test(d));
}

function isPaydayWeek(date: string): boolean {
  return Number(date.slice(8, 10)) <= PAYDAY_LAST_DAY_OF_MONTH;
}
