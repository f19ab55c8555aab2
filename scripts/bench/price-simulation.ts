import { addDays, weekdayOf } from '../../src/core/inventory/local-date.js';
import type { PricedDay } from '../../src/core/pricing/elasticity.js';
import { mulberry32, negativeBinomial } from '../../src/core/simulation/seeded-random.js';

// Simulated kirana series with a known elasticity: weekday pattern, a few festival days, a slow drift,
// over-dispersed counts (gamma–Poisson, i.e. negative binomial) and a handful of price changes, some
// temporary (a promotion) and some permanent (a new list price).

export interface SimulatedSeries {
  id: string;
  trueElasticity: number;
  days: PricedDay[];
}

export interface SimulationOptions {
  seed: number;
  days: number;
  baseDailyUnits: number;
  elasticity: number;
  /** Gamma shape of the day-level noise; smaller is noisier (5 ≈ typical retail). */
  noiseShape: number;
  priceChanges: number;
}

const WEEKDAY_EFFECT = [1.3, 0.85, 0.9, 0.9, 0.95, 1.05, 1.25];

export function simulateSeries(id: string, options: SimulationOptions): SimulatedSeries {
  const random = mulberry32(options.seed);
  const basePrice = 10 + Math.round(random() * 40);
  const prices = new Array<number>(options.days).fill(basePrice);
  let listPrice = basePrice;
  for (let change = 0; change < options.priceChanges; change++) {
    const start = Math.floor(random() * (options.days - 30));
    const factor = 1 + (random() < 0.5 ? -1 : 1) * (0.05 + random() * 0.15);
    const permanent = random() < 0.4;
    if (permanent) listPrice = Math.round(listPrice * factor * 2) / 2;
    const end = permanent ? options.days : start + 14 + Math.floor(random() * 28);
    const price = permanent ? listPrice : Math.round(basePrice * factor * 2) / 2;
    for (let i = start; i < Math.min(end, options.days); i++) prices[i] = price;
  }
  const festivalDays = new Set(
    Array.from({ length: Math.ceil(options.days / 60) }, () => Math.floor(random() * options.days)),
  );
  const drift = (random() - 0.5) * 0.4;
  const days: PricedDay[] = [];
  for (let i = 0; i < options.days; i++) {
    const date = addDays('2024-01-01', i);
    const price = prices[i]!;
    const festival = festivalDays.has(i);
    const mean =
      options.baseDailyUnits *
      (price / basePrice) ** options.elasticity *
      WEEKDAY_EFFECT[weekdayOf(date)]! *
      (festival ? 2.2 : 1) *
      Math.exp((drift * i) / options.days);
    days.push({ date, units: negativeBinomial(random, mean, options.noiseShape), price, festival });
  }
  return { id, trueElasticity: options.elasticity, days };
}
