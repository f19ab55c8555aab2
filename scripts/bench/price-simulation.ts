import { addDays, weekdayOf } from '../../src/core/inventory/local-date.js';
import type { PricedDay } from '../../src/core/pricing/elasticity.js';
import { paydayLift, seasonLift, weekdayLift } from '../../src/core/simulation/calendar-effects.js';
import { type FestivalDay, festivalLift } from '../../src/core/simulation/festival-effects.js';
import { buildPriceSchedule, type PricePoint } from '../../src/core/simulation/price-schedule.js';
import type { ProductProfile } from '../../src/core/simulation/product-profiles.js';
import { mulberry32, negativeBinomial, streamFor } from '../../src/core/simulation/seeded-random.js';

// The stress design (the first bench's): weekday pattern, a few festival days, a slow drift,
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

// The shop design: the same parts the project's sales simulator (src/core/simulation) builds a shop from.
// Prices follow its schedule (a change every 25-75 days, about 14 in two years, to one of 0.80..1.15 of the
// reference price in shelf steps, capped at the MRP, drawn independently of festivals and seasons); demand
// follows its weekend, payday, season and festival-window lifts (real 2024-25 festival dates, each
// festival lifting each group by its own amount over its own lead days) with the profile's negative
// binomial dispersion and base units. Two things differ from the simulator, both making it harder: the
// elasticity is set to a known value spread over -0.5..-2.5 instead of the profile's, and demand drifts
// slowly (up to ±20% over the span), as a new competitor or a growing neighbourhood would make it.

export interface ShopSeriesOptions {
  seed: number;
  days: number;
  elasticity: number;
  profile: ProductProfile;
  /** Mean days between price changes (the simulator uses 50). */
  meanGapDays: number;
  festivals: readonly FestivalDay[];
  /** Prices to use instead of the simulator's schedule (the busy design draws its own). */
  schedule?: PricePoint[];
}

export interface ShopSeries extends SimulatedSeries {
  group: ProductProfile['group'];
  priceChanges: number;
}

export const SHOP_START = '2024-01-01';

export function simulateShopSeries(id: string, options: ShopSeriesOptions): ShopSeries {
  const { profile, days } = options;
  const schedule =
    options.schedule ??
    buildPriceSchedule({
      startDate: SHOP_START,
      days,
      pricePaise: profile.pricePaise,
      costPaise: profile.costPaise,
      mrpPaise: profile.mrpPaise,
      random: streamFor(options.seed, `${id}:price`),
      meanGapDays: options.meanGapDays,
    });
  const random = streamFor(options.seed, `${id}:demand`);
  const drift = (random() - 0.5) * 0.4;
  let cursor = 0;
  const series: PricedDay[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(SHOP_START, i);
    while (cursor + 1 < schedule.length && schedule[cursor + 1]!.from <= date) cursor++;
    const price = schedule[cursor]!.pricePaise;
    const mean =
      profile.baseDaily *
      weekdayLift(date) *
      paydayLift(date) *
      seasonLift(date, profile) *
      festivalLift(date, profile.group, options.festivals) *
      (price / profile.pricePaise) ** options.elasticity *
      Math.exp((drift * i) / days);
    series.push({ date, units: negativeBinomial(random, mean, profile.dispersion), price: price / 100 });
  }
  return {
    id,
    trueElasticity: options.elasticity,
    days: series,
    group: profile.group,
    priceChanges: schedule.length - 1,
  };
}
