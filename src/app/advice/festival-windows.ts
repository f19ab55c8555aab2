import {
  type FestivalOccurrence,
  festivalById,
  festivalsBetween,
  type ProductCategory,
  upcomingFestivals,
} from '../../core/festivals/index.js';
import { liftFromHistory, type SalesHistory } from '../../core/inventory/festival-lift.js';
import { addDays, daysBetween } from '../../core/inventory/local-date.js';
import { festivalBuyingWindow } from '../../core/inventory/restock.js';
import type { DayWindow } from '../../core/inventory/types.js';

// Festivals as restock and price advice see them: the ones that matter in the shop's state, each with its
// buying window (the days shoppers stock up, festival day included) and how much it lifts a category.

/** Longest buying window in the calendar; festivals this far past the range can still reach into it. */
const MAX_WINDOW_DAYS = 21;

/** Festivals from `from` for `days` days that matter in the shop's state (all of them without a state). */
export function shopFestivals(from: string, days: number, stateCode: string | null): FestivalOccurrence[] {
  if (stateCode) {
    try {
      return upcomingFestivals(from, days, { state: stateCode });
    } catch {
      // An unknown state code: better every festival than none.
    }
  }
  return upcomingFestivals(from, days);
}

export function buyingWindow(festivalId: string, date: string): DayWindow {
  const days = (festivalById(festivalId)?.buyingWindowDays ?? 6) + 1;
  return festivalBuyingWindow(date, days);
}

/** The next occurrence of a festival from today on (today included), if within a year. */
export function nextOccurrence(festivalId: string, today: string): FestivalOccurrence | undefined {
  return upcomingFestivals(today, 366).find((f) => f.id === festivalId);
}

/** The calendar's rough lift for a category (1 = none). */
export function calendarLift(festivalId: string, category: string): number {
  const uplift = festivalById(festivalId)?.uplift[category as ProductCategory];
  return uplift === undefined ? 1 : 1 + uplift;
}

export interface FestivalLift extends DayWindow {
  festivalId: string;
  date: string;
  factor: number;
  fromHistory: boolean;
}

/** Lifts of the festivals whose buying windows reach into [today, end], for one product's category. */
export function festivalLiftWindows(input: {
  today: string;
  end: string;
  stateCode: string | null;
  category: string;
  history?: SalesHistory;
}): FestivalLift[] {
  const span = daysBetween(input.today, input.end) + MAX_WINDOW_DAYS;
  const lifts: FestivalLift[] = [];
  for (const festival of shopFestivals(input.today, span, input.stateCode)) {
    const window = buyingWindow(festival.id, festival.date);
    if (window.start > input.end || calendarLift(festival.id, input.category) === 1) continue;
    const own = input.history ? ownLift(festival.id, input.today, window, input.history) : null;
    lifts.push({
      ...window,
      festivalId: festival.id,
      date: festival.date,
      factor: own ?? calendarLift(festival.id, input.category),
      fromHistory: own !== null,
    });
  }
  return lifts;
}

function ownLift(festivalId: string, today: string, window: DayWindow, history: SalesHistory): number | null {
  const year = Number(today.slice(0, 4));
  const length = daysBetween(window.start, window.end) + 1;
  const past = festivalsBetween(year - 3, year)
    .filter((f) => f.id === festivalId && daysBetween(f.date, today) > 0)
    .map((f) => festivalBuyingWindow(f.date, length))
    .filter((w) => daysBetween(w.end, addDays(today, -1)) >= 0);
  return liftFromHistory(history, past);
}
