import { describe, expect, it } from 'vitest';
import {
  buildPriceSchedule,
  costForPrice,
  roundShelfPrice,
} from '../../../../src/core/simulation/price-schedule.js';
import { mulberry32 } from '../../../../src/core/simulation/seeded-random.js';

describe('price schedule', () => {
  it('rounds to ₹0.50 under ₹20 and to whole rupees above', () => {
    expect(roundShelfPrice(1430)).toBe(1450);
    expect(roundShelfPrice(1420)).toBe(1400);
    expect(roundShelfPrice(15_040)).toBe(15_000);
    expect(roundShelfPrice(2260)).toBe(2300);
  });

  it('keeps the cost inside the 13%-30% margin band', () => {
    expect(costForPrice(6800, 0.1)).toBe(6800 - Math.ceil(6800 * 0.13));
    expect(costForPrice(2000, 0.4)).toBe(1400);
    expect(costForPrice(1400, 0.18)).toBe(1148);
  });

  it('moves a price a few times a year, never above MRP, starting on the first day', () => {
    const schedule = buildPriceSchedule({
      startDate: '2025-01-01',
      days: 365,
      pricePaise: 2000,
      costPaise: 1400,
      mrpPaise: 2000,
      random: mulberry32(3),
    });
    expect(schedule[0]).toEqual({ from: '2025-01-01', pricePaise: 2000, costPaise: 1400 });
    expect(schedule.length).toBeGreaterThanOrEqual(3);
    for (const [i, point] of schedule.entries()) {
      expect(point.pricePaise).toBeLessThanOrEqual(2000);
      if (i > 0) {
        expect(point.from > schedule[i - 1]!.from).toBe(true);
        expect(point.pricePaise).not.toBe(schedule[i - 1]!.pricePaise);
      }
    }
  });
});
