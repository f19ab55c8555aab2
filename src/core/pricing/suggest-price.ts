import type { Paise } from '../money.js';
import { type Confidence, confidenceFromSd } from './confidence.js';
import { nearestStep, priceBounds, pricesBetween, roundDownToStep, roundUpToStep } from './price-steps.js';
import type { PooledElasticity } from './shrinkage.js';

// The suggested shelf price maximises expected daily profit (price − cost) × units(price), where units follow
// the fitted log-log curve through today's price and sales: units(p) = units₀ · (p / p₀)^e. Moves are kept
// within ±maxChangeFraction of today's price, because the curve is only known near prices the shop has
// actually charged. Slow movers and near-expiry stock switch to clearance: sell the stock in time.

export type PriceReason =
  | 'mrp-ceiling'
  | 'cost-floor'
  | 'margin-squeezed'
  | 'above-mrp'
  | 'festival-peak-no-discount'
  | 'slow-mover'
  | 'near-expiry'
  | 'no-sales'
  | 'small-gain';

export interface PriceSuggestionInput {
  productId: string;
  currentPricePaise: Paise;
  costPaise: Paise;
  mrpPaise: Paise;
  /** Shop's minimum margin as a share of the selling price. */
  minMarginFraction: number;
  /** Expected units a day at the current price (recent average or forecast mean). */
  dailyUnits: number;
  elasticity: PooledElasticity;
  /** Demand is peaking for a festival: never suggest a lower price (except to save expiring stock). */
  festivalPeak: boolean;
  stockOnHand?: number;
  /** Days until the nearest batch in stock expires. */
  daysToExpiry?: number;
  /** Units of that batch still on the shelf (default: all of stockOnHand); later batches are not at risk. */
  expiringStock?: number;
  /** Stock lasting longer than this makes a slow mover (default 60 days). */
  slowMoverCoverDays?: number;
  /** Largest move from today's price for an ordinary suggestion (default 0.1). */
  maxChangeFraction?: number;
  /** Near expiry, the price may go down to this share of cost: some money back beats none (default 0.8). */
  clearanceCostFraction?: number;
  /** A change must add at least this much daily profit to be suggested (default ₹1/day). */
  minGainPaisePerDay?: number;
}

export interface PriceSuggestion {
  productId: string;
  kind: 'raise' | 'lower' | 'keep' | 'clearance';
  pricePaise: Paise;
  currentPricePaise: Paise;
  floorPaise: Paise;
  ceilingPaise: Paise;
  dailyUnits: { current: number; suggested: number };
  /** Expected change in daily units as a share (−0.03 = 3% fewer). */
  unitsChange: number;
  dailyProfitPaise: { current: number; suggested: number };
  profitChangePaise: number;
  elasticity: { estimate: number; low: number; high: number };
  confidence: Confidence;
  reasons: PriceReason[];
}

const Z90 = 1.6449;

export function suggestPrice(input: PriceSuggestionInput): PriceSuggestion {
  const bounds = priceBounds(input);
  const current = input.currentPricePaise;
  const e = Math.min(-0.1, input.elasticity.elasticity);
  const base = Math.max(0, input.dailyUnits);
  const unitsAt = (p: number) => (current > 0 ? base * (p / current) ** e : 0);
  const profitAt = (p: number) => (p - input.costPaise) * unitsAt(p);
  const reasons: PriceReason[] = [];
  if (bounds.squeezed) reasons.push('margin-squeezed');
  if (current > bounds.ceilingPaise) reasons.push('above-mrp');
  if (base === 0) reasons.push('no-sales');

  const clearance = clearancePrice(input, bounds.floorPaise, unitsAt, reasons);
  let price: Paise;
  if (clearance !== null) {
    price = clearance;
  } else {
    const candidates = ordinaryCandidates(input, bounds.floorPaise, bounds.ceilingPaise);
    if (input.festivalPeak && candidates.some((p) => p < current)) reasons.push('festival-peak-no-discount');
    const allowed = input.festivalPeak
      ? candidates.filter((p) => p >= Math.min(current, bounds.ceilingPaise))
      : candidates;
    price = allowed.reduce((best, p) => (profitAt(p) > profitAt(best) + 1e-9 ? p : best), allowed[0]!);
    const currentAllowed = current >= bounds.floorPaise && current <= bounds.ceilingPaise;
    if (currentAllowed && profitAt(price) - profitAt(current) < (input.minGainPaisePerDay ?? 100)) {
      if (price !== current) reasons.push('small-gain');
      price = current;
    }
  }
  if (price === bounds.ceilingPaise && price !== current) reasons.push('mrp-ceiling');
  if (price === bounds.floorPaise && price !== current && clearance === null) reasons.push('cost-floor');

  const kind =
    clearance !== null && clearance < current
      ? 'clearance'
      : price > current
        ? 'raise'
        : price < current
          ? 'lower'
          : 'keep';
  const sd = input.elasticity.sd;
  return {
    productId: input.productId,
    kind,
    pricePaise: price,
    currentPricePaise: current,
    floorPaise: bounds.floorPaise,
    ceilingPaise: bounds.ceilingPaise,
    dailyUnits: { current: base, suggested: unitsAt(price) },
    unitsChange: base > 0 ? unitsAt(price) / base - 1 : 0,
    dailyProfitPaise: { current: profitAt(current), suggested: profitAt(price) },
    profitChangePaise: profitAt(price) - profitAt(current),
    elasticity: {
      estimate: input.elasticity.elasticity,
      low: input.elasticity.elasticity - Z90 * sd,
      high: input.elasticity.elasticity + Z90 * sd,
    },
    confidence: base === 0 ? 'low' : confidenceFromSd(sd),
    reasons,
  };
}

// Prices within the allowed band and within reach of today's price; when today's price is outside the band
// (above MRP, below cost plus margin) the nearest bound is the only choice.
function ordinaryCandidates(input: PriceSuggestionInput, floor: Paise, ceiling: Paise): Paise[] {
  const current = input.currentPricePaise;
  if (current > ceiling) return [ceiling];
  if (current < floor) return [floor];
  const reach = input.maxChangeFraction ?? 0.1;
  const low = Math.max(floor, roundUpToStep(current * (1 - reach)));
  const high = Math.min(ceiling, roundDownToStep(current * (1 + reach)));
  const prices = pricesBetween(low, high);
  if (!prices.includes(current)) prices.push(current);
  return prices.sort((a, b) => a - b);
}

// Near expiry: the price that brings back the most money from the stock before it expires (cost is sunk).
// Slow mover: the highest price at which the stock sells within the slow-mover horizon, never below the floor.
// Returns null when neither applies.
function clearancePrice(
  input: PriceSuggestionInput,
  floor: Paise,
  unitsAt: (p: number) => number,
  reasons: PriceReason[],
): Paise | null {
  const stock = Math.max(0, input.stockOnHand ?? 0);
  const current = Math.min(input.currentPricePaise, roundDownToStep(input.mrpPaise));
  if (stock === 0) return null;
  const expiry = input.daysToExpiry;
  const atRisk = Math.min(stock, Math.max(0, input.expiringStock ?? stock));
  if (expiry !== undefined && atRisk > unitsAt(current) * Math.max(0, expiry)) {
    reasons.push('near-expiry');
    const lowest = roundUpToStep(input.costPaise * (input.clearanceCostFraction ?? 0.8));
    const prices = pricesBetween(Math.min(lowest, current), current);
    const recovered = (p: number) => p * Math.min(atRisk, unitsAt(p) * Math.max(0, expiry));
    return prices.reduce((best, p) => (recovered(p) > recovered(best) + 1e-9 ? p : best), current);
  }
  const horizon = input.slowMoverCoverDays ?? 60;
  if (input.festivalPeak || stock <= unitsAt(current) * horizon) return null;
  reasons.push('slow-mover');
  const prices = pricesBetween(Math.min(floor, current), current).reverse();
  return prices.find((p) => unitsAt(p) * horizon >= stock) ?? nearestStep(Math.min(floor, current));
}
