import type { Paise } from '../money.js';

// Shop prices move in steps customers can pay in coins: ₹0.50 below ₹20, whole rupees from ₹20. The MRP
// includes all taxes and may never be exceeded, so the ceiling rounds down; the floor rounds up so the
// minimum margin always holds.

const SMALL_STEP_BELOW: Paise = 2000;
const SMALL_STEP: Paise = 50;
const STEP: Paise = 100;

export function roundUpToStep(paise: Paise): Paise {
  if (paise <= SMALL_STEP_BELOW) return Math.ceil(paise / SMALL_STEP - 1e-9) * SMALL_STEP;
  return Math.ceil(paise / STEP - 1e-9) * STEP;
}

export function roundDownToStep(paise: Paise): Paise {
  if (paise < SMALL_STEP_BELOW) return Math.floor(paise / SMALL_STEP + 1e-9) * SMALL_STEP;
  return Math.floor(paise / STEP + 1e-9) * STEP;
}

export function nearestStep(paise: Paise): Paise {
  const down = roundDownToStep(paise);
  const up = roundUpToStep(paise);
  return paise - down <= up - paise ? down : up;
}

export interface PriceBoundsInput {
  costPaise: Paise;
  mrpPaise: Paise;
  /** Minimum margin as a share of the selling price (0.08 = 8%): floor = cost / (1 − margin). */
  minMarginFraction: number;
}

export interface PriceBounds {
  floorPaise: Paise;
  ceilingPaise: Paise;
  /** True when cost plus the minimum margin is above the MRP: only the ceiling is allowed. */
  squeezed: boolean;
}

export function priceBounds(input: PriceBoundsInput): PriceBounds {
  const margin = Math.min(0.95, Math.max(0, input.minMarginFraction));
  const ceilingPaise = roundDownToStep(input.mrpPaise);
  const floorPaise = roundUpToStep(input.costPaise / (1 - margin));
  if (floorPaise > ceilingPaise) return { floorPaise: ceilingPaise, ceilingPaise, squeezed: true };
  return { floorPaise, ceilingPaise, squeezed: false };
}

/** Every allowed price from low to high inclusive, in steps. */
export function pricesBetween(lowPaise: Paise, highPaise: Paise): Paise[] {
  const prices: Paise[] = [];
  for (let p = roundUpToStep(lowPaise); p <= highPaise; p += p < SMALL_STEP_BELOW ? SMALL_STEP : STEP) {
    prices.push(p);
  }
  return prices;
}
