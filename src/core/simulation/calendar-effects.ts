import { dayOfMonth, dayOfWeek, dayOfYear } from './calendar-days.js';
import type { ProductProfile } from './product-profiles.js';

// Calendar effects that every shop sees regardless of festivals.

/** Families shop on Saturday and Sunday: about +30%. */
export const WEEKEND_LIFT = 1.3;
/** Salaries land at the start of the month, so days 1-7 sell a little more. */
export const PAYDAY_LIFT = 1.08;
export const PAYDAY_LAST_DAY = 7;

export function weekdayLift(date: string): number {
  const day = dayOfWeek(date);
  return day === 0 || day === 6 ? WEEKEND_LIFT : 1;
}

export function paydayLift(date: string): number {
  return dayOfMonth(date) <= PAYDAY_LAST_DAY ? PAYDAY_LIFT : 1;
}

/** A yearly cosine cycle: ice cream peaks in May, milk (tea season) slightly in January. */
export function seasonLift(date: string, profile: Pick<ProductProfile, 'season'>): number {
  if (!profile.season) return 1;
  const phase = (2 * Math.PI * (dayOfYear(date) - profile.season.peakDayOfYear)) / 365.25;
  return 1 + profile.season.amplitude * Math.cos(phase);
}
