import { describe, expect, it } from 'vitest';
import { applyFestivalLift, liftFromHistory } from '../../../../src/core/inventory/festival-lift.js';
import { addDays, eachDay } from '../../../../src/core/inventory/local-date.js';

function history(from: string, to: string, unitsOn: (date: string) => number) {
  return { from, to, units: new Map(eachDay(from, to).map((d) => [d, unitsOn(d)])) };
}

describe('festival lift from the shop’s own history', () => {
  const window = { start: '2024-10-25', end: '2024-10-31' };

  it('is the window’s daily average over the 28 days before it', () => {
    // 10 a day, 25 a day in the festival week: 2.5 times.
    const h = history('2024-09-01', '2025-09-30', (d) => (d >= window.start && d <= window.end ? 25 : 10));
    expect(liftFromHistory(h, [window])).toBeCloseTo(2.5, 10);
  });

  it('counts days without a row as zero sales', () => {
    const h = history('2024-09-01', '2025-09-30', (d) => (d >= window.start && d <= window.end ? 20 : 10));
    // Every other baseline day missing: the baseline halves, so the lift doubles.
    for (const d of eachDay(addDays(window.start, -28), addDays(window.start, -1)))
      if (Number(d.slice(8)) % 2 === 0) h.units.delete(d);
    const missing =
      28 - [...h.units.keys()].filter((d) => d < window.start && d >= addDays(window.start, -28)).length;
    expect(liftFromHistory(h, [window])).toBeCloseTo(20 / ((10 * (28 - missing)) / 28), 10);
  });

  it('is null when the history does not reach back over the window and its baseline', () => {
    const h = history('2024-10-10', '2025-09-30', () => 10);
    expect(liftFromHistory(h, [window])).toBeNull();
  });

  it('is null when nothing sold before the window (no level to compare with)', () => {
    const h = history('2024-09-01', '2025-09-30', (d) => (d >= window.start ? 5 : 0));
    expect(liftFromHistory(h, [window])).toBeNull();
  });

  it('pools several years by summing their days', () => {
    const w2023 = { start: '2023-11-06', end: '2023-11-12' };
    const h = history('2023-09-01', '2025-09-30', (d) =>
      d >= w2023.start && d <= w2023.end ? 20 : d >= window.start && d <= window.end ? 40 : 10,
    );
    expect(liftFromHistory(h, [w2023, window])).toBeCloseTo(3, 10);
  });
});

describe('applyFestivalLift', () => {
  const days = eachDay('2025-10-10', '2025-10-14').map((date) => ({
    date,
    mean: 10,
    p10: 6,
    p50: 10,
    p90: 14,
  }));

  it('scales mean and quantiles inside the window only, by the largest overlapping factor', () => {
    const lifted = applyFestivalLift(days, [
      { start: '2025-10-12', end: '2025-10-13', factor: 2 },
      { start: '2025-10-13', end: '2025-10-20', factor: 1.5 },
    ]);
    expect(lifted.map((d) => d.mean)).toEqual([10, 10, 20, 20, 15]);
    expect(lifted[2]).toEqual({ date: '2025-10-12', mean: 20, p10: 12, p50: 20, p90: 28 });
  });

  it('ignores factors that are not positive numbers', () => {
    const lifted = applyFestivalLift(days, [{ start: '2025-10-10', end: '2025-10-14', factor: Number.NaN }]);
    expect(lifted).toEqual(days);
  });
});
