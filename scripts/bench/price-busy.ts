import { addDays } from '../../src/core/inventory/local-date.js';
import type { FestivalDay } from '../../src/core/simulation/festival-effects.js';
import { costForPrice, type PricePoint, roundShelfPrice } from '../../src/core/simulation/price-schedule.js';
import { PRODUCT_PROFILES } from '../../src/core/simulation/product-profiles.js';
import { type Random, streamFor } from '../../src/core/simulation/seeded-random.js';
import { SHOP_START, type ShopSeries, simulateShopSeries } from './price-simulation.js';

// The "busy, well-identified item" design: what a shop's own history has to look like before its own
// estimate lands within ±0.2. Everything else is the shop design (price-simulation.ts: the simulator's
// weekday, payday, season and festival-window demand, the profile's negative binomial dispersion, a slow
// drift of up to ±20%), with two changes:
// - volume: a base of 20-60 units a day before the calendar lifts (a busy shop's milk, bread or biscuits),
//   spread over the series independently of the true elasticity;
// - prices: a change every ~30 days (15-45, about 24 in two years), each a move of 5-20% up or down from
//   the current price in shelf steps, turned back when it would leave 0.80-1.25 of the reference price.
//   The MRP is not enforced here (the shop design's cap would rule out most upward moves on items sold at
//   MRP); the point is the information content of frequent moderate changes, not a shop's pricing rules.

const MIN_LEVEL = 0.8;
const MAX_LEVEL = 1.25;

export function busySchedule(options: {
  days: number;
  pricePaise: number;
  costPaise: number;
  meanGapDays: number;
  random: Random;
}): PricePoint[] {
  const { days, pricePaise, random } = options;
  const margin = 1 - options.costPaise / pricePaise;
  const point = (from: string, price: number): PricePoint => ({
    from,
    pricePaise: price,
    costPaise: costForPrice(price, margin),
  });
  const schedule = [point(SHOP_START, pricePaise)];
  let day = 0;
  for (;;) {
    day += Math.max(7, Math.round(options.meanGapDays * (0.5 + random())));
    if (day >= days) break;
    const current = schedule[schedule.length - 1]!.pricePaise;
    const size = 0.05 + 0.15 * random();
    let up = random() < 0.5;
    const inBand = (price: number) => price >= MIN_LEVEL * pricePaise && price <= MAX_LEVEL * pricePaise;
    if (!inBand(current * (up ? 1 + size : 1 - size))) up = !up;
    const next = roundShelfPrice(current * (up ? 1 + size : 1 - size));
    if (next !== current) schedule.push(point(addDays(SHOP_START, day), next));
  }
  return schedule;
}

export function busySeries(options: {
  series: number;
  days: number;
  elasticityOf: (i: number) => number;
  festivals: readonly FestivalDay[];
}): ShopSeries[] {
  const n = options.series;
  return Array.from({ length: n }, (_, i) => {
    const profile = PRODUCT_PROFILES[(i * 7) % PRODUCT_PROFILES.length]!;
    const id = `busy-${String(i).padStart(3, '0')}`;
    const seed = 3000 + i;
    // A stride of 37 spreads the volumes over the series out of step with the elasticities.
    const baseDaily = 20 + (40 * ((i * 37) % n)) / Math.max(1, n - 1);
    return simulateShopSeries(id, {
      seed,
      days: options.days,
      elasticity: options.elasticityOf(i),
      profile: { ...profile, baseDaily },
      meanGapDays: 30,
      festivals: options.festivals,
      schedule: busySchedule({
        days: options.days,
        pricePaise: profile.pricePaise,
        costPaise: profile.costPaise,
        meanGapDays: 30,
        random: streamFor(seed, `${id}:price`),
      }),
    });
  });
}
