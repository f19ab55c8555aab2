import { describe, expect, it } from 'vitest';
import { type PriceSuggestionInput, suggestPrice } from '../../../../src/core/pricing/suggest-price.js';

const maggi: PriceSuggestionInput = {
  productId: 'maggi',
  currentPricePaise: 1400,
  costPaise: 1150,
  mrpPaise: 1500,
  minMarginFraction: 0.08,
  dailyUnits: 30,
  elasticity: { elasticity: -0.5, sd: 0.1, ownWeight: 1 },
  festivalPeak: false,
};

describe('suggestPrice', () => {
  it('raises an inelastic item to the MRP and no further', () => {
    const s = suggestPrice(maggi);
    // Profit/day: ₹14 → 2.50 × 30 = ₹75; ₹15 → 3.50 × 30 × (15/14)^−0.5 = ₹101.44.
    expect(s.pricePaise).toBe(1500);
    expect(s.kind).toBe('raise');
    expect(s.reasons).toContain('mrp-ceiling');
    expect(s.unitsChange).toBeCloseTo((15 / 14) ** -0.5 - 1, 9); // about −3.4%
    expect(s.dailyProfitPaise.current).toBeCloseTo(7500, 6);
    expect(s.profitChangePaise).toBeCloseTo(350 * 30 * (15 / 14) ** -0.5 - 7500, 6);
    expect(s.confidence).toBe('high');
  });

  it('brings a price above the MRP down to the MRP', () => {
    const s = suggestPrice({ ...maggi, currentPricePaise: 1600 });
    expect(s.pricePaise).toBe(1500);
    expect(s.reasons).toContain('above-mrp');
  });

  it('cuts a very elastic item no lower than cost plus margin', () => {
    const s = suggestPrice({
      ...maggi,
      currentPricePaise: 1300,
      dailyUnits: 20,
      elasticity: { elasticity: -20, sd: 0.5, ownWeight: 1 },
    });
    // Unconstrained optimum is ₹11.50 × 20/19 = ₹12.11, below the ₹12.50 floor.
    expect(s.floorPaise).toBe(1250);
    expect(s.pricePaise).toBe(1250);
    expect(s.kind).toBe('lower');
    expect(s.reasons).toContain('cost-floor');
    expect(s.confidence).toBe('low');
  });

  it('suggests no discount while festival demand is peaking', () => {
    const s = suggestPrice({
      ...maggi,
      currentPricePaise: 1300,
      dailyUnits: 20,
      elasticity: { elasticity: -20, sd: 0.5, ownWeight: 1 },
      festivalPeak: true,
    });
    expect(s.pricePaise).toBe(1300);
    expect(s.kind).toBe('keep');
    expect(s.reasons).toContain('festival-peak-no-discount');
  });

  it('keeps the price when a move would add less than ₹1 a day', () => {
    const s = suggestPrice({ ...maggi, dailyUnits: 0.2 });
    expect(s.kind).toBe('keep');
    expect(s.pricePaise).toBe(1400);
    expect(s.reasons).toContain('small-gain');
  });

  it('clears a slow mover at the highest price that sells the stock in 60 days', () => {
    const s = suggestPrice({
      ...maggi,
      currentPricePaise: 1500,
      dailyUnits: 1,
      elasticity: { elasticity: -2, sd: 0.2, ownWeight: 1 },
      stockOnHand: 70,
    });
    // Needs (p/15)^−2 ≥ 70/60, so p ≤ ₹13.89: ₹13.50 on the ₹0.50 grid.
    expect(s.kind).toBe('clearance');
    expect(s.pricePaise).toBe(1350);
    expect(s.reasons).toContain('slow-mover');
  });

  it('does not clear slow movers during a festival peak', () => {
    const s = suggestPrice({
      ...maggi,
      currentPricePaise: 1500,
      dailyUnits: 1,
      elasticity: { elasticity: -2, sd: 0.2, ownWeight: 1 },
      stockOnHand: 70,
      festivalPeak: true,
    });
    expect(s.kind).not.toBe('clearance');
    expect(s.pricePaise).toBeGreaterThanOrEqual(1500);
  });

  it('clears only the batch that expires: later batches in stock are not at risk', () => {
    const bread = {
      productId: 'bread',
      currentPricePaise: 4000,
      costPaise: 3000,
      mrpPaise: 4000,
      minMarginFraction: 0.05,
      dailyUnits: 10,
      elasticity: { elasticity: -2, sd: 0.2, ownWeight: 1 },
      festivalPeak: false,
      stockOnHand: 130,
      daysToExpiry: 2,
    };
    // 15 of the 130 expire in 2 days and 20 sell by then: nothing to clear for expiry.
    const safe = suggestPrice({ ...bread, expiringStock: 15 });
    expect(safe.reasons).not.toContain('near-expiry');
    // 30 expire: the same price as with 30 in stock in all (₹33, see below).
    const atRisk = suggestPrice({ ...bread, expiringStock: 30 });
    expect(atRisk.kind).toBe('clearance');
    expect(atRisk.pricePaise).toBe(3300);
    expect(atRisk.reasons).toContain('near-expiry');
  });

  it('prices near-expiry stock for the most money back, below cost if needed, even at a festival peak', () => {
    const s = suggestPrice({
      productId: 'bread',
      currentPricePaise: 4000,
      costPaise: 3000,
      mrpPaise: 4000,
      minMarginFraction: 0.05,
      dailyUnits: 10,
      elasticity: { elasticity: -2, sd: 0.2, ownWeight: 1 },
      festivalPeak: true,
      stockOnHand: 30,
      daysToExpiry: 2,
    });
    // Sells 20 of 30 at ₹40. ₹33 sells 20 × (33/40)^−2 = 29.4 → ₹969.70; ₹32 sells all 30 → ₹960.
    expect(s.kind).toBe('clearance');
    expect(s.pricePaise).toBe(3300);
    expect(s.reasons).toContain('near-expiry');
  });

  it('stays put and says it is unsure when nothing sells and nothing is in stock', () => {
    const s = suggestPrice({ ...maggi, dailyUnits: 0 });
    expect(s.kind).toBe('keep');
    expect(s.confidence).toBe('low');
    expect(s.reasons).toContain('no-sales');
    expect(Number.isFinite(s.unitsChange)).toBe(true);
  });
});
