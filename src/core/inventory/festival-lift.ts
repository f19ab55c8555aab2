import { addDays, daysBetween, eachDay } from './local-date.js';
import type { DayWindow, ForecastDay } from './types.js';

// Forecasts made on the fly from a shop's own history use models that know nothing about festivals, so the
// festival is laid on top: the shop's own lift from the same festival in earlier years when its history
// reaches back that far ("pichle saal Diwali par ~2.5 guna"), else the calendar's rough lift for the
// category. The lift is the average over the whole buying window, so the window's sum comes out right even
// though the real spike sits in its last days.

export interface SalesHistory {
  /** First day the history covers; days from here on without a row sold nothing. */
  from: string;
  /** Last day the history covers. */
  to: string;
  units: ReadonlyMap<string, number>;
}

/** Days before the window that set the ordinary level it is compared with. */
const BASELINE_DAYS = 28;

/**
 * Average units a day inside each past festival's window over the 28 days before it, pooled across the
 * occurrences the history fully covers; null when none is covered or nothing sold before them.
 */
export function liftFromHistory(history: SalesHistory, pastWindows: readonly DayWindow[]): number | null {
  let windowUnits = 0;
  let windowDays = 0;
  let baseUnits = 0;
  let baseDays = 0;
  for (const window of pastWindows) {
    const baseStart = addDays(window.start, -BASELINE_DAYS);
    if (daysBetween(history.from, baseStart) < 0 || daysBetween(window.end, history.to) < 0) continue;
    for (const day of eachDay(window.start, window.end)) windowUnits += history.units.get(day) ?? 0;
    windowDays += daysBetween(window.start, window.end) + 1;
    for (const day of eachDay(baseStart, addDays(window.start, -1))) baseUnits += history.units.get(day) ?? 0;
    baseDays += BASELINE_DAYS;
  }
  if (windowDays === 0 || baseUnits <= 0) return null;
  return windowUnits / windowDays / (baseUnits / baseDays);
}

export interface LiftWindow extends DayWindow {
  factor: number;
}

/** Scales every forecast day inside a window by its factor (the largest when windows overlap). */
export function applyFestivalLift(
  days: readonly ForecastDay[],
  windows: readonly LiftWindow[],
): ForecastDay[] {
  return days.map((day) => {
    const factors = windows
      .filter((w) => day.date >= w.start && day.date <= w.end && Number.isFinite(w.factor) && w.factor > 0)
      .map((w) => w.factor);
    if (factors.length === 0) return day;
    const f = Math.max(...factors);
    return { date: day.date, mean: day.mean * f, p10: day.p10 * f, p50: day.p50 * f, p90: day.p90 * f };
  });
}
