import { addDays, dateRange } from './calendar-days.js';
import { paydayLift, seasonLift, weekdayLift } from './calendar-effects.js';
import { type FestivalDay, festivalLift, festivalsNear } from './festival-effects.js';
import { buildPriceSchedule, type PricePoint } from './price-schedule.js';
import { PRODUCT_PROFILES, type ProductProfile } from './product-profiles.js';
import { negativeBinomial, streamFor } from './seeded-random.js';

/** Shelf pricing for a product, usually from the shop's catalog; demand still comes from the profile. */
export interface ProductPricing {
  id: string;
  pricePaise: number;
  costPaise: number;
  mrpPaise: number;
}

export interface SimulateShopSalesOptions {
  /** First simulated day, shop-local 'YYYY-MM-DD'. */
  startDate: string;
  days: number;
  seed: number;
  /** Which products and at what reference prices; defaults to the 15 profiled products. */
  products?: readonly ProductPricing[];
  /** Festival days, e.g. from festivalsBetween(); ids without a known effect are ignored. */
  festivals: readonly FestivalDay[];
}

/** One product's sales on one day, as a shop's ledger would hold it (zero-quantity days included). */
export interface SalesRow {
  date: string;
  product: string;
  quantity: number;
  pricePaise: number;
  costPaise: number;
}

/** What drove a row: the noise-free expected units and each multiplier behind it. */
export interface DemandTruth {
  date: string;
  product: string;
  expected: number;
  weekday: number;
  payday: number;
  festival: number;
  season: number;
  price: number;
}

export interface SimulatedProduct extends ProductProfile {
  prices: PricePoint[];
}

export interface SimulatedSales {
  rows: SalesRow[];
  /** Same order and length as rows. */
  truth: DemandTruth[];
  products: SimulatedProduct[];
}

function resolveProducts(pricing: readonly ProductPricing[] | undefined): ProductProfile[] {
  if (!pricing) return [...PRODUCT_PROFILES];
  return pricing.map((item) => {
    const profile = PRODUCT_PROFILES.find((candidate) => candidate.id === item.id);
    if (!profile) {
      const known = PRODUCT_PROFILES.map((candidate) => candidate.id).join(', ');
      throw new Error(`no demand profile for product "${item.id}" (known: ${known})`);
    }
    return { ...profile, pricePaise: item.pricePaise, costPaise: item.costPaise, mrpPaise: item.mrpPaise };
  });
}

function priceOn(schedule: readonly PricePoint[], date: string, cursor: { index: number }): PricePoint {
  while (cursor.index + 1 < schedule.length && schedule[cursor.index + 1]!.from <= date) cursor.index++;
  return schedule[cursor.index]!;
}

/**
 * A shop's daily sales history: base demand per product, shaped by weekday, payday, season, festival and
 * price, then drawn with negative binomial noise. Deterministic for a seed; each product draws from its
 * own stream so products do not disturb each other.
 */
export function simulateShopSales(options: SimulateShopSalesOptions): SimulatedSales {
  const { startDate, days, seed } = options;
  if (!Number.isInteger(days) || days < 1) throw new Error(`days must be a positive integer, got ${days}`);
  const dates = dateRange(startDate, days);
  const festivals = festivalsNear(options.festivals, startDate, addDays(startDate, days - 1));
  // Every product of a group shares the day's festival lift; computing it once per group keeps a
  // two-year, fifteen-product run fast.
  const liftCache = new Map<string, number>();
  const liftFor = (date: string, group: ProductProfile['group']): number => {
    const key = `${date}|${group}`;
    let lift = liftCache.get(key);
    if (lift === undefined) {
      lift = festivalLift(date, group, festivals);
      liftCache.set(key, lift);
    }
    return lift;
  };

  const products = resolveProducts(options.products).map(
    (profile): SimulatedProduct => ({
      ...profile,
      prices: buildPriceSchedule({
        startDate,
        days,
        pricePaise: profile.pricePaise,
        costPaise: profile.costPaise,
        mrpPaise: profile.mrpPaise,
        random: streamFor(seed, `${profile.id}:price`),
      }),
    }),
  );

  const perProduct = products.map((product) => {
    const random = streamFor(seed, `${product.id}:demand`);
    const cursor = { index: 0 };
    return dates.map((date) => {
      const point = priceOn(product.prices, date, cursor);
      const truth: DemandTruth = {
        date,
        product: product.id,
        expected: 0,
        weekday: weekdayLift(date),
        payday: paydayLift(date),
        festival: liftFor(date, product.group),
        season: seasonLift(date, product),
        price: (point.pricePaise / product.pricePaise) ** product.elasticity,
      };
      truth.expected =
        product.baseDaily * truth.weekday * truth.payday * truth.festival * truth.season * truth.price;
      const row: SalesRow = {
        date,
        product: product.id,
        quantity: negativeBinomial(random, truth.expected, product.dispersion),
        pricePaise: point.pricePaise,
        costPaise: point.costPaise,
      };
      return { row, truth };
    });
  });

  // Date-major order, as a ledger export would list them.
  const rows: SalesRow[] = [];
  const truth: DemandTruth[] = [];
  for (let day = 0; day < dates.length; day++) {
    for (const series of perProduct) {
      const entry = series[day]!;
      rows.push(entry.row);
      truth.push(entry.truth);
    }
  }
  return { rows, truth, products };
}
