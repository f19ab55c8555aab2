import { addDays } from './calendar-days.js';
import { MAX_MARGIN, MIN_MARGIN } from './product-profiles.js';
import type { Random } from './seeded-random.js';

// A product's shelf price over the simulated span. Prices move a few times a year, mostly when the
// supplier's rate moves, so the cost moves with the price and the margin stays put. The changes are drawn
// independently of festivals and seasons, which is what lets a price-response estimator recover the true
// elasticity from the history.

export interface PricePoint {
  /** First day this price applies. */
  from: string;
  pricePaise: number;
  costPaise: number;
}

export interface PriceScheduleOptions {
  startDate: string;
  days: number;
  pricePaise: number;
  costPaise: number;
  mrpPaise: number;
  random: Random;
  /** Average days between price changes. */
  meanGapDays?: number;
}

const PRICE_LEVELS = [0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.1, 1.15] as const;

/** Steps a shopkeeper would use: ₹0.50 under ₹20, whole rupees above. */
export function roundShelfPrice(paise: number): number {
  const step = paise < 2000 ? 50 : 100;
  return Math.max(step, Math.round(paise / step) * step);
}

/** Cost for a price at the given margin, kept inside the simulator's 13%-30% margin band exactly. */
export function costForPrice(pricePaise: number, margin: number): number {
  const marginPaise = Math.min(
    Math.max(Math.round(pricePaise * margin), Math.ceil(pricePaise * MIN_MARGIN)),
    Math.floor(pricePaise * MAX_MARGIN),
  );
  return pricePaise - marginPaise;
}

export function buildPriceSchedule(options: PriceScheduleOptions): PricePoint[] {
  const { startDate, days, pricePaise, costPaise, mrpPaise, random } = options;
  const meanGap = options.meanGapDays ?? 50;
  const margin = 1 - costPaise / pricePaise;
  const candidates = [
    ...new Set(PRICE_LEVELS.map((level) => Math.min(roundShelfPrice(pricePaise * level), mrpPaise))),
  ];
  const start = Math.min(pricePaise, mrpPaise);
  const schedule: PricePoint[] = [
    { from: startDate, pricePaise: start, costPaise: costForPrice(start, margin) },
  ];
  let day = 0;
  for (;;) {
    // Gaps between half and one and a half times the mean: irregular, never two changes in a week.
    day += Math.max(7, Math.round(meanGap * (0.5 + random())));
    if (day >= days) break;
    const current = schedule[schedule.length - 1]!.pricePaise;
    const others = candidates.filter((candidate) => candidate !== current);
    if (others.length === 0) break;
    const next = others[Math.floor(random() * others.length)]!;
    schedule.push({ from: addDays(startDate, day), pricePaise: next, costPaise: costForPrice(next, margin) });
  }
  return schedule;
}
