import { festivalsBetween } from '../../src/core/festivals/index.js';
import type { ProductCategory } from '../../src/core/festivals/types.js';
import { estimateElasticity, type PricedDay } from '../../src/core/pricing/elasticity.js';
import { festivalWindows } from '../../src/core/pricing/festival-windows.js';
import { type OwnElasticity, poolWithCategory } from '../../src/core/pricing/shrinkage.js';
import type { ProductProfile } from '../../src/core/simulation/product-profiles.js';
import { standardNormal, streamFor } from '../../src/core/simulation/seeded-random.js';
import { SHOP_START, simulateShopSeries } from './price-simulation.js';

// One product category sold by many shops, each of them young on BillMitra: the situation the issue's
// "pooled across shops of the category when the shop's own history is thin" is for. All shops share the
// category's true elasticity, each shifted by its own shop-level deviation (different neighbourhoods react
// differently), and each has only a few months of sales with one to four price changes. Every shop's own
// estimate goes through the same path as price advice (estimateElasticity with the category's named festival
// windows), and the pooled one is poolWithCategory, which price advice calls with the other shops' estimates.

export interface CategoryOptions {
  seed: number;
  profile: ProductProfile;
  categoryElasticity: number;
  shops: number;
  /** Spread of the shops' true elasticities around the category's (normal sd). */
  shopSd: number;
  /** Each shop's history length is drawn evenly from this range (days). */
  historyDays: [number, number];
  /** Mean days between a shop's price changes (the simulator's schedule; 50 by default). */
  meanGapDays?: number;
}

export interface CategoryShop {
  truth: number;
  days: number;
  priceChanges: number;
  own: (OwnElasticity & { low: number; high: number }) | null;
  /** Pulled towards a prior from the other shops' own estimates (leave this shop out, as the app does). */
  pooled: { elasticity: number; sd: number; ownWeight: number };
}

export interface SimulatedCategory {
  truth: number;
  shops: CategoryShop[];
  /** The category prior from every shop's own estimate: mean and the standard error of that mean. */
  estimate: { mean: number; meanSe: number; series: number };
}

const FESTIVALS = festivalsBetween(2024, 2026).map(({ id, date }) => ({ id, date }));

export function simulateCategory(options: CategoryOptions): SimulatedCategory {
  const random = streamFor(options.seed, `${options.profile.id}:shops`);
  const [shortest, longest] = options.historyDays;
  const drawn = Array.from({ length: options.shops }, (_, i) => {
    const truth = options.categoryElasticity + options.shopSd * standardNormal(random);
    const days = shortest + Math.floor(random() * (longest - shortest + 1));
    // Shops differ in footfall as much as in price response: half to one and a half times the profile's.
    const volume = 0.5 + random();
    const series = simulateShopSeries(`${options.profile.id}-shop-${i}`, {
      seed: options.seed + i,
      days,
      elasticity: truth,
      profile: { ...options.profile, baseDaily: options.profile.baseDaily * volume },
      meanGapDays: options.meanGapDays ?? 50,
      festivals: FESTIVALS,
    });
    return { truth, days, priceChanges: series.priceChanges, own: ownEstimate(series.days, options.profile) };
  });
  const shops = drawn.map((shop, i) => {
    const others = drawn.flatMap((other, j) => (other.own && j !== i ? [other.own] : []));
    const { elasticity, sd, ownWeight } = poolWithCategory(shop.own, others);
    return { ...shop, pooled: { elasticity, sd, ownWeight } };
  });
  const prior = poolWithCategory(
    null,
    drawn.flatMap((shop) => (shop.own ? [shop.own] : [])),
  ).prior;
  return {
    truth: options.categoryElasticity,
    shops,
    estimate: { mean: prior.mean, meanSe: prior.meanSe ?? prior.sd, series: prior.series },
  };
}

function ownEstimate(days: PricedDay[], profile: ProductProfile): CategoryShop['own'] {
  const windows = festivalWindows(SHOP_START, days[days.length - 1]!.date, {
    category: profile.group as ProductCategory,
  });
  const named = days.map((d) => {
    const id = windows.get(d.date);
    return id ? { ...d, festivalId: id } : d;
  });
  const fit = estimateElasticity(named);
  return fit.identified ? { elasticity: fit.elasticity, se: fit.se, low: fit.low, high: fit.high } : null;
}
