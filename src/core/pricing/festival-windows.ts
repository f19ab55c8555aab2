import { FESTIVALS, festivalsBetween } from '../festivals/index.js';
import type { ProductCategory } from '../festivals/types.js';
import { addDays } from '../inventory/local-date.js';

// Which festival window each day of a sales history falls in, for the elasticity fit's festival levels.
// Shoppers buy ahead, so a window is the festival's buying days plus the festival itself, as
// src/core/festivals lists them. A festival that barely moves the category (under +20%) is left out: a
// level for it would cost the fit a column and tell it nothing. Where windows overlap (Dhanteras inside
// Diwali's buying days) the festival with the larger lift names the day.

const MIN_UPLIFT = 0.2;

export interface FestivalWindowOptions {
  /** Only festivals that lift this category; without it, any festival that lifts something. */
  category?: ProductCategory;
  /** Two-letter state code: only the festivals that matter there. */
  state?: string;
}

/** Festival id per date, for the dates from..to (inclusive, YYYY-MM-DD). */
export function festivalWindows(
  from: string,
  to: string,
  options: FestivalWindowOptions = {},
): Map<string, string> {
  const lift = (id: string): number => {
    const uplift = FESTIVALS.find((f) => f.id === id)?.uplift ?? {};
    if (options.category) return uplift[options.category] ?? 0;
    return Math.max(0, ...Object.values(uplift));
  };
  const fromYear = Number(from.slice(0, 4));
  // A festival early next year can open its buying window before `to`.
  const toYear = Number(to.slice(0, 4)) + 1;
  const stateOption = options.state ? { state: options.state } : undefined;
  const occurrences = festivalsBetween(fromYear, toYear, stateOption)
    .filter((o) => lift(o.id) >= MIN_UPLIFT)
    .sort((a, b) => lift(a.id) - lift(b.id));
  const windows = new Map<string, string>();
  // Smallest lift first, so a stronger festival overwrites it on shared days.
  for (const occurrence of occurrences) {
    const definition = FESTIVALS.find((f) => f.id === occurrence.id);
    if (!definition) continue;
    const last = definition.durationDays - 1;
    for (let offset = -definition.buyingWindowDays; offset <= last; offset++) {
      const date = addDays(occurrence.date, offset);
      if (date >= from && date <= to) windows.set(date, occurrence.id);
    }
  }
  return windows;
}
