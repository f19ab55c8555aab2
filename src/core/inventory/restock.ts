import { type DaySpread, daySpread, demandQuantile, sumDemand } from './demand-sum.js';
import { addDays, daysBetween, eachDay } from './local-date.js';
import {
  chooseServiceLevel,
  defaultServiceLevelRules,
  isPerishable,
  type ServiceLevelReason,
  type ServiceLevelRules,
} from './service-level.js';
import type { DayWindow, ForecastDay, RestockProduct } from './types.js';

// How much to order so the shop does not run out during a window (a festival's buying days, or the next N
// days). Stock on hand is sold from today, so the order must cover demand from today to the window's end;
// placed on the order-by date (window start minus lead time) that is exactly "window plus lead time". Days
// the forecast does not cover fall back to the recent daily average.

const Z90 = 1.2815515655446004;

export interface RestockInput {
  product: RestockProduct;
  /** Shop-local today. */
  today: string;
  window: DayWindow;
  leadTimeDays: number;
  stockOnHand: number;
  stockOnOrder: number;
  forecast: readonly ForecastDay[];
  /** Average units a day over the last 4 weeks; used for the "why" and for days without a forecast. */
  recentDailyAverage?: number;
  festivalId?: string;
  /** Overrides the rule-chosen service level (0..1). */
  serviceLevel?: number;
  dayCorrelation?: number;
  rules?: ServiceLevelRules;
}

export interface DemandRange {
  mean: number;
  /** Likely range (10% and 90% points). */
  low: number;
  high: number;
}

export interface RestockWhy {
  festivalId?: string;
  /** Window's expected daily sales over the recent daily average (2.5 = "2.5 times"); null without history. */
  upliftFactor: number | null;
  recentDailyAverage: number | null;
  windowDailyMean: number;
  serviceLevelReason: ServiceLevelReason | 'override';
  /** Days from today to the window's end, which the order plus current stock must cover. */
  coverageDays: number;
  stockOnHand: number;
  stockOnOrder: number;
  /** Units that can still sell within shelf life after arrival; null for non-perishables. */
  shelfLifeCapUnits: number | null;
}

export interface RestockAdvice {
  productId: string;
  orderUnits: number;
  packs: number;
  packSize: number;
  /** Last day to place the order so it arrives by the window's start (today when already late). */
  orderByDate: string;
  late: boolean;
  serviceLevel: number;
  /** Expected sales within the window itself (what the chat shows). */
  windowDemand: DemandRange;
  /** Demand from today to the window's end at the service level: what stock plus order must reach. */
  targetUnits: number;
  basis: 'forecast' | 'recent-average' | 'no-history';
  cappedByShelfLife: boolean;
  why: RestockWhy;
}

/** The window for "how much for the next N days": it starts when an order placed today arrives. */
export function nextDaysWindow(today: string, days: number, leadTimeDays: number): DayWindow {
  const start = addDays(today, Math.max(0, Math.round(leadTimeDays)));
  return { start, end: addDays(start, Math.max(1, Math.round(days)) - 1) };
}

/** A festival's buying window: the `days` days up to and including the festival (Diwali shopping is the week
 *  before, not the day after). */
export function festivalBuyingWindow(festivalDate: string, days = 7): DayWindow {
  return { start: addDays(festivalDate, -(Math.max(1, Math.round(days)) - 1)), end: festivalDate };
}

export function computeRestock(input: RestockInput): RestockAdvice {
  const { product, today, window } = input;
  const rules = input.rules ?? defaultServiceLevelRules;
  const leadTime = Math.max(0, Math.round(input.leadTimeDays));
  const onHand = nonNegative(input.stockOnHand);
  const onOrder = nonNegative(input.stockOnOrder);
  const packSize = input.product.packSize > 0 ? input.product.packSize : 1;
  const recent = input.recentDailyAverage !== undefined ? nonNegative(input.recentDailyAverage) : null;

  const byDate = new Map(input.forecast.map((day) => [day.date, day]));
  const spreadOn = (date: string): DaySpread => {
    const day = byDate.get(date);
    if (day) return daySpread(day);
    return recent !== null ? { mean: recent, sd: Math.sqrt(recent) } : { mean: 0, sd: 0 };
  };

  const coverageStart = daysBetween(today, window.start) > 0 ? today : window.start;
  const coverage = eachDay(coverageStart, window.end).map(spreadOn);
  const windowDays = eachDay(window.start, window.end).map(spreadOn);
  const windowSum = sumDemand(windowDays, input.dayCorrelation);
  const windowDailyMean = windowDays.length > 0 ? windowSum.mean / windowDays.length : 0;

  const chosen =
    input.serviceLevel !== undefined
      ? { level: input.serviceLevel, reason: 'override' as const }
      : chooseServiceLevel(product, recent ?? windowDailyMean, rules);
  const coverageSum = sumDemand(coverage, input.dayCorrelation);
  const targetUnits = demandQuantile(coverageSum, chosen.level);

  const idealOrderBy = addDays(window.start, -leadTime);
  const late = daysBetween(today, idealOrderBy) < 0;
  const orderByDate = late ? today : idealOrderBy;
  const arrival = late ? addDays(today, leadTime) : window.start;

  const need = Math.max(0, targetUnits - onHand - onOrder);
  // The small tolerance keeps 72.0000001 from becoming an extra pack; max() keeps -0 out of the answer.
  let packs = Math.max(0, Math.ceil(need / packSize - 1e-9));
  let shelfLifeCapUnits: number | null = null;
  let cappedByShelfLife = false;
  if (isPerishable(product, rules) && product.shelfLifeDays !== undefined) {
    shelfLifeCapUnits = shelfLifeCap(spreadOn, today, arrival, product.shelfLifeDays, onHand + onOrder);
    const maxPacks = Math.floor(shelfLifeCapUnits / packSize + 1e-9);
    if (packs > maxPacks) {
      packs = maxPacks;
      cappedByShelfLife = true;
    }
  }

  const hasForecast = coverage.length > 0 && eachDay(coverageStart, window.end).some((d) => byDate.has(d));
  const basis = hasForecast ? 'forecast' : recent !== null && recent > 0 ? 'recent-average' : 'no-history';
  const why: RestockWhy = {
    upliftFactor: recent !== null && recent > 0 ? windowDailyMean / recent : null,
    recentDailyAverage: recent,
    windowDailyMean,
    serviceLevelReason: chosen.reason,
    coverageDays: coverage.length,
    stockOnHand: onHand,
    stockOnOrder: onOrder,
    shelfLifeCapUnits,
  };
  if (input.festivalId !== undefined) why.festivalId = input.festivalId;

  return {
    productId: product.id,
    orderUnits: packs * packSize,
    packs,
    packSize,
    orderByDate,
    late,
    serviceLevel: chosen.level,
    windowDemand: {
      mean: windowSum.mean,
      low: Math.max(0, windowSum.mean - Z90 * windowSum.sd),
      high: windowSum.mean + Z90 * windowSum.sd,
    },
    targetUnits,
    basis,
    cappedByShelfLife,
    why,
  };
}

// A perishable order may only be as large as what is expected to sell between its arrival and its expiry,
// after the stock already in the shop (sold first) is gone.
function shelfLifeCap(
  spreadOn: (date: string) => DaySpread,
  today: string,
  arrival: string,
  shelfLifeDays: number,
  stockPosition: number,
): number {
  const beforeArrival = eachDay(today, addDays(arrival, -1)).reduce((s, d) => s + spreadOn(d).mean, 0);
  const leftAtArrival = Math.max(0, stockPosition - beforeArrival);
  const days = Math.max(1, Math.floor(shelfLifeDays));
  const sellable = eachDay(arrival, addDays(arrival, days - 1)).reduce((s, d) => s + spreadOn(d).mean, 0);
  return Math.max(0, sellable - leftAtArrival);
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
