import { describe, expect, it } from 'vitest';
import { addDays, weekdayOf } from '../../../../src/core/inventory/local-date.js';
import { estimateElasticity, type PricedDay } from '../../../../src/core/pricing/elasticity.js';
import { festivalWindows } from '../../../../src/core/pricing/festival-windows.js';

const WEEKDAY = [1.3, 1, 1, 1, 1, 1, 1.3];

// Noise-free units with payday weeks, a yearly cycle and two festivals of different size, and price cuts
// that overlap all of them, so leaving any control out biases the estimate.
function calendarSeries(elasticity: number, days: number): PricedDay[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays('2024-01-01', i);
    const price = Math.floor(i / 21) % 3 === 1 ? 12 : 15;
    const payday = Number(date.slice(8, 10)) <= 7 ? 1.15 : 1;
    const season = 1 + 0.4 * Math.cos((2 * Math.PI * (i - 130)) / 365.25);
    const festivalId = i % 91 < 5 ? 'big' : i % 91 > 85 ? 'small' : undefined;
    const festival = festivalId === 'big' ? 2.5 : festivalId === 'small' ? 1.2 : 1;
    const units = 10 * (price / 15) ** elasticity * WEEKDAY[weekdayOf(date)]! * payday * season * festival;
    return festivalId ? { date, units, price, festivalId } : { date, units, price };
  });
}

describe('elasticity controls', () => {
  it('controls for payday week, a yearly cycle and each named festival window', () => {
    const fit = estimateElasticity(calendarSeries(-1.3, 730));
    if (!fit.identified) throw new Error('not identified');
    // The cycle is fitted on the 365.25-day year the data was made with; only rounding of dates remains.
    expect(fit.elasticity).toBeCloseTo(-1.3, 2);
  });

  it('is biased when the calendar is left out', () => {
    const bare = calendarSeries(-1.3, 730).map(({ festivalId: _, ...d }) => d);
    const fit = estimateElasticity(bare, { payday: false, seasonMinDays: Number.POSITIVE_INFINITY });
    if (!fit.identified) throw new Error('not identified');
    expect(Math.abs(fit.elasticity + 1.3)).toBeGreaterThan(0.02);
  });

  it('leaves out the yearly cycle for less than a year of data', () => {
    const fit = estimateElasticity(calendarSeries(-1, 200));
    if (!fit.identified) throw new Error('not identified');
    // The cycle is left in the data, so the fit is near but not exact.
    expect(fit.elasticity).toBeLessThan(-0.5);
  });
});

describe('festivalWindows', () => {
  it('covers the buying days before Diwali and the day itself, for a category it lifts', () => {
    // Diwali 2025 is on 20 October; src/core/festivals lists ten buying days.
    const windows = festivalWindows('2025-10-01', '2025-10-31', { category: 'snacks' });
    expect(windows.get('2025-10-20')).toBe('diwali');
    expect(windows.get('2025-10-10')).toBe('diwali');
    // Around it, Karva Chauth's and Bhai Dooj's own windows.
    expect(windows.get('2025-10-09')).toBe('karva_chauth');
    expect(windows.get('2025-10-21')).toBe('bhai_dooj');
  });

  it('skips festivals that barely move the category', () => {
    const all = festivalWindows('2025-01-01', '2025-12-31');
    const staples = festivalWindows('2025-01-01', '2025-12-31', { category: 'staples' });
    expect(staples.size).toBeLessThan(all.size);
  });
});
