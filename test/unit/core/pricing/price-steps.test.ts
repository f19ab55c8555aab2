import { describe, expect, it } from 'vitest';
import {
  priceBounds,
  pricesBetween,
  roundDownToStep,
  roundUpToStep,
} from '../../../../src/core/pricing/price-steps.js';

describe('price steps', () => {
  it('uses ₹0.50 steps under ₹20 and ₹1 steps from ₹20', () => {
    expect(roundUpToStep(1420)).toBe(1450);
    expect(roundUpToStep(1450)).toBe(1450);
    expect(roundUpToStep(2000)).toBe(2000);
    expect(roundUpToStep(2001)).toBe(2100);
    expect(roundDownToStep(1999)).toBe(1950);
    expect(roundDownToStep(2050)).toBe(2000);
    expect(roundDownToStep(4599)).toBe(4500);
  });

  it('lists prices across the ₹20 boundary', () => {
    expect(pricesBetween(1880, 2200)).toEqual([1900, 1950, 2000, 2100, 2200]);
    expect(pricesBetween(1500, 1400)).toEqual([]);
  });
});

describe('price bounds', () => {
  it('floors at cost plus the minimum margin, rounded up to a step', () => {
    // ₹11.50 / (1 − 0.08) = ₹12.50 exactly.
    expect(priceBounds({ costPaise: 1150, mrpPaise: 1500, minMarginFraction: 0.08 })).toEqual({
      floorPaise: 1250,
      ceilingPaise: 1500,
      squeezed: false,
    });
    // ₹40 / 0.9 = ₹44.44 → ₹45.
    expect(priceBounds({ costPaise: 4000, mrpPaise: 5000, minMarginFraction: 0.1 }).floorPaise).toBe(4500);
  });

  it('never lets the ceiling pass the MRP, even when the MRP is between steps', () => {
    expect(priceBounds({ costPaise: 1000, mrpPaise: 1980, minMarginFraction: 0 }).ceilingPaise).toBe(1950);
    expect(priceBounds({ costPaise: 1000, mrpPaise: 2050, minMarginFraction: 0 }).ceilingPaise).toBe(2000);
  });

  it('falls back to the ceiling when cost plus margin is above the MRP', () => {
    expect(priceBounds({ costPaise: 1450, mrpPaise: 1500, minMarginFraction: 0.1 })).toEqual({
      floorPaise: 1500,
      ceilingPaise: 1500,
      squeezed: true,
    });
  });
});
