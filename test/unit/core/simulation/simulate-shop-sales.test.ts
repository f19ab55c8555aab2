import { describe, expect, it } from 'vitest';
import { festivalsBetween } from '../../../../src/core/festivals/index.js';
import { addDays, dayOfWeek } from '../../../../src/core/simulation/calendar-days.js';
import {
  MAX_MARGIN,
  MIN_MARGIN,
  PRODUCT_ELASTICITIES,
  PRODUCT_PROFILES,
  type SimulatedSales,
  simulateShopSales,
} from '../../../../src/core/simulation/index.js';

const SNACKS = new Set(PRODUCT_PROFILES.filter((p) => p.group === 'snacks').map((p) => p.id));
const FESTIVALS = festivalsBetween(2024, 2027);
const DIWALI_2026 = FESTIVALS.find((f) => f.id === 'diwali' && f.date.startsWith('2026'))!.date;

function simulate(seed: number, days = 365, startDate = '2025-11-24'): SimulatedSales {
  return simulateShopSales({ startDate, days, seed, festivals: FESTIVALS });
}

function unitsBetween(
  sales: SimulatedSales,
  from: string,
  to: string,
  keep: (id: string) => boolean,
): number {
  return sales.rows
    .filter((row) => row.date >= from && row.date <= to && keep(row.product))
    .reduce((sum, row) => sum + row.quantity, 0);
}

describe('simulateShopSales', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(simulate(3, 60)).toEqual(simulate(3, 60));
    expect(simulate(4, 60).rows).not.toEqual(simulate(3, 60).rows);
  });

  it('yields one row per product per day, date-major, for the 15 products', () => {
    const sales = simulate(1, 30);
    expect(sales.rows).toHaveLength(30 * 15);
    expect(sales.truth).toHaveLength(sales.rows.length);
    expect(new Set(sales.rows.map((row) => row.product))).toEqual(
      new Set(
        ['milk', 'rice', 'wheat', 'oil', 'maggi', 'kurkure', 'lays', 'biscuits', 'ice_cream'].concat([
          'toothpaste',
          'soap',
          'shampoo',
          'detergent',
          'atta',
          'bread',
        ]),
      ),
    );
    expect(sales.rows[0]!.date).toBe('2025-11-24');
    expect(sales.rows[15]!.date).toBe('2025-11-25');
    expect(sales.rows.at(-1)!.date).toBe(addDays('2025-11-24', 29));
  });

  it('keeps a product history unchanged when other products are left out', () => {
    const all = simulate(9, 40);
    const lays = PRODUCT_PROFILES.find((p) => p.id === 'lays')!;
    const only = simulateShopSales({
      startDate: '2025-11-24',
      days: 40,
      seed: 9,
      festivals: FESTIVALS,
      products: [
        { id: 'lays', pricePaise: lays.pricePaise, costPaise: lays.costPaise, mrpPaise: lays.mrpPaise },
      ],
    });
    expect(only.rows).toEqual(all.rows.filter((row) => row.product === 'lays'));
  });

  it('sells snacks at 2.5x in the week ending on Diwali', () => {
    const weekStart = addDays(DIWALI_2026, -6);
    for (const seed of [1, 2, 3]) {
      const sales = simulate(seed);
      const truthInWeek = sales.truth.filter(
        (t) => SNACKS.has(t.product) && t.date >= weekStart && t.date <= DIWALI_2026,
      );
      expect(truthInWeek).toHaveLength(7 * SNACKS.size);
      for (const t of truthInWeek) expect(t.festival).toBe(2.5);

      // Realised lift: actual units against what the same days would sell without the festival.
      const withoutFestival = truthInWeek.reduce((sum, t) => sum + t.expected / t.festival, 0);
      const actual = unitsBetween(sales, weekStart, DIWALI_2026, (id) => SNACKS.has(id));
      expect(actual / withoutFestival).toBeGreaterThan(2.2);
      expect(actual / withoutFestival).toBeLessThan(2.8);

      // And against plain weeks of the same year, as a shopkeeper would compare them.
      const plainWeeks = [-35, -28, -14, -7].map((offset) => {
        const start = addDays(weekStart, offset);
        return unitsBetween(sales, start, addDays(start, 6), (id) => SNACKS.has(id));
      });
      const ratio = actual / (plainWeeks.reduce((a, b) => a + b, 0) / plainWeeks.length);
      expect(ratio).toBeGreaterThan(2.0);
      expect(ratio).toBeLessThan(3.1);
    }
  });

  it('lifts the other groups in Diwali week by their own amounts', () => {
    const sales = simulate(1);
    const onDiwali = new Map(
      sales.truth.filter((t) => t.date === DIWALI_2026).map((t) => [t.product, t.festival]),
    );
    expect(onDiwali.get('soap')).toBe(2.2);
    expect(onDiwali.get('detergent')).toBe(1.8);
    expect(onDiwali.get('milk')).toBe(1.5);
    expect(onDiwali.get('rice')).toBe(1.45);
  });

  it('sells about 30% more on weekends', () => {
    const sales = simulate(5, 728, '2024-11-25');
    const plain = (date: string) => sales.truth.every((t) => t.date !== date || t.festival === 1);
    const byDate = new Map<string, number>();
    for (const row of sales.rows) byDate.set(row.date, (byDate.get(row.date) ?? 0) + row.quantity);
    const weekend: number[] = [];
    const weekday: number[] = [];
    for (const [date, units] of byDate) {
      if (!plain(date)) continue;
      const day = dayOfWeek(date);
      (day === 0 || day === 6 ? weekend : weekday).push(units);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const ratio = mean(weekend) / mean(weekday);
    expect(ratio).toBeGreaterThan(1.22);
    expect(ratio).toBeLessThan(1.38);
  });

  it('lifts paydays (days 1-7) a little', () => {
    const sales = simulate(1, 60);
    expect(sales.truth.find((t) => t.date === '2025-12-03')!.payday).toBeGreaterThan(1);
    expect(sales.truth.find((t) => t.date === '2025-12-08')!.payday).toBe(1);
  });

  it('keeps margins between 13% and 30% and prices at or below MRP', () => {
    const sales = simulate(2, 730);
    const mrp = new Map(sales.products.map((p) => [p.id, p.mrpPaise]));
    for (const row of sales.rows) {
      const margin = (row.pricePaise - row.costPaise) / row.pricePaise;
      expect(margin).toBeGreaterThanOrEqual(MIN_MARGIN);
      expect(margin).toBeLessThanOrEqual(MAX_MARGIN);
      expect(row.pricePaise).toBeLessThanOrEqual(mrp.get(row.product)!);
    }
    const margins = sales.rows.map((row) => (row.pricePaise - row.costPaise) / row.pricePaise);
    expect(Math.min(...margins)).toBeLessThan(0.14);
    expect(Math.max(...margins)).toBeGreaterThan(0.29);
  });

  it('changes each price a few times a year', () => {
    for (const product of simulate(6).products) {
      expect(product.prices.length - 1).toBeGreaterThanOrEqual(2);
      expect(product.prices.length - 1).toBeLessThanOrEqual(10);
    }
  });

  it('sells ice cream in summer, not in winter', () => {
    const sales = simulate(1);
    const may = unitsBetween(sales, '2026-05-01', '2026-05-31', (id) => id === 'ice_cream');
    const december = unitsBetween(sales, '2025-12-01', '2025-12-31', (id) => id === 'ice_cream');
    expect(may).toBeGreaterThan(2.5 * december);
  });

  it('lets the known elasticity be recovered from the price changes', () => {
    const sales = simulate(11, 730, '2024-11-25');
    for (const id of ['lays', 'maggi', 'rice']) {
      const profile = PRODUCT_PROFILES.find((p) => p.id === id)!;
      // Divide out every known non-price effect, then fit log units on log price.
      const points = sales.rows.flatMap((row, i) => {
        const t = sales.truth[i]!;
        if (row.product !== id) return [];
        const others = profile.baseDaily * t.weekday * t.payday * t.festival * t.season;
        return [
          { x: Math.log(row.pricePaise / profile.pricePaise), y: Math.log((row.quantity + 0.5) / others) },
        ];
      });
      const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
      const my = points.reduce((s, p) => s + p.y, 0) / points.length;
      const slope =
        points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) /
        points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
      expect(Math.abs(slope - PRODUCT_ELASTICITIES[id]!)).toBeLessThan(0.3);
    }
  });

  it('uses catalog prices when given and refuses products it has no demand profile for', () => {
    const sales = simulateShopSales({
      startDate: '2025-01-01',
      days: 10,
      seed: 1,
      festivals: [],
      products: [{ id: 'maggi', pricePaise: 1500, costPaise: 1200, mrpPaise: 1500 }],
    });
    expect(sales.rows[0]!.pricePaise).toBe(1500);
    expect(sales.rows[0]!.costPaise).toBe(1200);
    expect(() =>
      simulateShopSales({
        startDate: '2025-01-01',
        days: 10,
        seed: 1,
        festivals: [],
        products: [{ id: 'diya', pricePaise: 100, costPaise: 80, mrpPaise: 100 }],
      }),
    ).toThrow(/diya/);
  });

  it('ignores festival ids it has no effect for', () => {
    const base = { startDate: '2025-03-01', days: 20, seed: 1 };
    const plain = simulateShopSales({ ...base, festivals: [] });
    const unknown = simulateShopSales({ ...base, festivals: [{ id: 'payday', date: '2025-03-05' }] });
    expect(unknown).toEqual(plain);
  });
});
