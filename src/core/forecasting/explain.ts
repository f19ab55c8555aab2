import { dateOfDay, dayNumber, weekdayOfDay } from './day-math.js';
import { windowMean } from './series-frame.js';
import type { EventDay, Explanation } from './types.js';

// What drives a forecast, as plain numbers a chat reply can quote.

export interface ExplainOptions {
  units: Float64Array;
  startDay: number;
  firstForecastDate: string;
  /** The chosen forecast's mean per horizon day. */
  mean: readonly number[];
  /** The same forecast with event features switched off (undefined when no model uses events). */
  meanWithoutEvents?: readonly number[];
  events: readonly EventDay[];
  leadDays: number;
  model: string;
}

export function explainForecast(o: ExplainOptions): Explanation {
  const n = o.units.length;
  const recent = windowMean(o.units, n - 28, n);
  const before = windowMean(o.units, n - 56, n - 28);
  const recentLevel = Number.isFinite(recent) ? recent : 0;
  const trend = Number.isFinite(before) && before > 0 ? recentLevel / before - 1 : 0;
  return {
    recentLevel: round(recentLevel, 3),
    trend: round(trend, 3),
    festivalUpliftPct: festivalUplift(o),
    weekdayEffect: weekdayEffect(o.units, o.startDay),
    driver: describeModel(o.model),
  };
}

function festivalUplift(o: ExplainOptions): Explanation['festivalUpliftPct'] {
  if (!o.meanWithoutEvents) return [];
  const first = dayNumber(o.firstForecastDate);
  const last = first + o.mean.length - 1;
  const out: Explanation['festivalUpliftPct'] = [];
  for (const e of o.events) {
    const day = dayNumber(e.date);
    if (day < first || day - o.leadDays > last) continue;
    let withEvents = 0;
    let without = 0;
    for (let d = Math.max(first, day - o.leadDays); d <= Math.min(last, day); d++) {
      withEvents += o.mean[d - first]!;
      without += o.meanWithoutEvents[d - first]!;
    }
    if (without <= 0) continue;
    out.push({ event: e.event, date: e.date, upliftPct: round((withEvents / without - 1) * 100, 1) });
  }
  return out;
}

/** Mean per weekday over the last eight weeks, relative to their average (Monday first). */
function weekdayEffect(units: Float64Array, startDay: number): number[] {
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  for (let i = Math.max(0, units.length - 56); i < units.length; i++) {
    const v = units[i]!;
    if (Number.isNaN(v)) continue;
    const w = weekdayOfDay(startDay + i);
    sums[w]! += v;
    counts[w]! += 1;
  }
  const means = sums.map((s, w) => (counts[w]! ? s / counts[w]! : 0));
  const overall = means.reduce((a, b) => a + b, 0) / 7;
  return means.map((m) => (overall > 0 ? round(m / overall, 3) : 1));
}

const NAMES: Record<string, string> = {
  global: 'model learned across all products (weekday, paydays, festivals, price)',
  moving_average: 'average of the last 28 days',
  seasonal_naive: 'same weekday last week',
  ses: 'smoothed recent level',
  croston: 'average size and spacing of sales (slow item)',
  tsb: 'chance of a sale times its usual size (slow item)',
  ets_peer: 'weekly pattern plus smoothed trend (MSTL/ETS)',
  weekday_ma: 'average of the last 5 weeks shaped by the weekday pattern',
};

function describeModel(model: string): string {
  return model
    .split('+')
    .map((m) => NAMES[m] ?? m)
    .join(' blended with ');
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** The dates of a horizon starting at `first`. */
export function horizonDates(first: string, horizon: number): string[] {
  const start = dayNumber(first);
  return Array.from({ length: horizon }, (_, h) => dateOfDay(start + h));
}
