import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/core/forecasting/day-math.js';
import { forecastSeries, type SeriesInput } from '../../../../src/core/forecasting/index.js';
import { mulberry32 as seededRandom } from '../../../../src/core/simulation/seeded-random.js';

// Per-series pipeline without a global model: backtests, selection, calibration and explanations.

function weeklySeries(id: string, days: number, level: number, seed: number, offset = 0): SeriesInput {
  const rand = seededRandom(seed);
  const start = '2025-01-06'; // a Monday
  return {
    id,
    category: 'snacks',
    points: Array.from({ length: days }, (_, i) => {
      const weekend = (i + offset) % 7 >= 5 ? 2 : 1;
      return { date: addDays(start, i + offset), units: Math.round(level * weekend * (0.7 + 0.6 * rand())) };
    }),
  };
}

describe('forecastSeries (per-series models)', () => {
  it('returns dated quantile forecasts with backtest figures and an explanation', async () => {
    const series = [weeklySeries('a', 180, 10, 1), weeklySeries('b', 180, 3, 2)];
    const [a] = await forecastSeries({ series, horizon: 14, events: [], includeModelForecasts: true });
    expect(a!.days).toHaveLength(14);
    expect(a!.days[0]!.date).toBe(addDays('2025-01-06', 180));
    for (const d of a!.days) {
      expect(d.p10).toBeLessThanOrEqual(d.p50);
      expect(d.p50).toBeLessThanOrEqual(d.p90);
    }
    expect(a!.backtest.origins).toHaveLength(2);
    expect(a!.backtest.scores.map((s) => s.model)).toContain('moving_average');
    expect(a!.explanation.recentLevel).toBeGreaterThan(8);
    // Saturday and Sunday sell double in the generated data.
    expect(a!.explanation.weekdayEffect[5]!).toBeGreaterThan(1.3);
    expect(a!.explanation.weekdayEffect[1]!).toBeLessThan(0.9);
    expect(a!.modelForecasts!.map((m) => m.model)).toContain('seasonal_naive');
  });

  it('gives a short new series a forecast with low confidence', async () => {
    const series = [weeklySeries('old', 200, 10, 3), weeklySeries('new', 20, 6, 4, 180)];
    const results = await forecastSeries({ series, horizon: 7, events: [] });
    const fresh = results.find((r) => r.seriesId === 'new')!;
    expect(fresh.confidence).toBe('low');
    expect(fresh.historyDays).toBe(20);
    const mean = fresh.days.reduce((s, d) => s + d.mean, 0) / 7;
    expect(mean).toBeGreaterThan(3);
    expect(mean).toBeLessThan(15);
  });

  it('does not read a stock-out as zero demand', async () => {
    const base = weeklySeries('x', 120, 10, 5);
    const points = base.points.map((p, i) => (i >= 106 ? { ...p, units: 0, inStock: false } : p));
    const [r] = await forecastSeries({
      series: [{ ...base, points }],
      horizon: 7,
      events: [],
      preferredModel: 'moving_average',
      selectionMargin: 10,
    });
    expect(r!.days[0]!.mean).toBeGreaterThan(8);
  });

  it('rejects a bad horizon', async () => {
    await expect(forecastSeries({ series: [], horizon: 0, events: [] })).rejects.toThrow(/horizon/);
  });
});
