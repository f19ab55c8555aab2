import { describe, expect, it } from 'vitest';
import { createTfQuantileTrainer } from '../../../../src/adapters/ml/tf-quantile-mlp.js';
import { festivalsBetween } from '../../../../src/core/festivals/index.js';
import { addDays, dayNumber } from '../../../../src/core/forecasting/day-math.js';
import {
  defaultFestivalEvents,
  forecastSeries,
  type SeriesInput,
} from '../../../../src/core/forecasting/index.js';
import { mulberry32 as seededRandom } from '../../../../src/core/simulation/seeded-random.js';

// Shop-like data with a Diwali-week rush on the real Diwali dates: the model sees one Diwali (2024) and
// must forecast the next one's week (2025) up. The same model without event features cannot.

const diwali = (year: number) => festivalsBetween(year, year).find((f) => f.id === 'diwali')!.date;

function poisson(rand: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rand();
  while (u > cdf && k < 500) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

function shopSeries(): SeriesInput[] {
  const rand = seededRandom(42);
  const rushDays = new Set<number>();
  for (const year of [2024, 2025]) {
    const d = dayNumber(diwali(year));
    for (let k = -7; k <= 0; k++) rushDays.add(d + k);
  }
  const weekly = [1, 0.9, 0.9, 1, 1.2, 1.5, 1.4];
  const levels = [4, 6, 8, 10, 14, 20];
  const start = '2024-01-01';
  const end = addDays(diwali(2025), 14);
  const n = dayNumber(end) - dayNumber(start);
  return levels.map((level, s) => ({
    id: `item${s}`,
    category: 'sweets',
    points: Array.from({ length: n }, (_, i) => {
      const day = dayNumber(start) + i;
      const mean = level * weekly[(((day + 3) % 7) + 7) % 7]! * (rushDays.has(day) ? 2.5 : 1);
      return { date: addDays(start, i), units: poisson(rand, mean) };
    }),
  }));
}

describe('festival-aware global model (TensorFlow.js)', () => {
  it('forecasts the next Diwali week up, with at most half the error of the model without festivals', async () => {
    const all = shopSeries();
    const origin = addDays(diwali(2025), -8);
    const week = new Set(Array.from({ length: 8 }, (_, k) => addDays(diwali(2025), -7 + k)));
    const train = all.map((s) => ({ ...s, points: s.points.filter((p) => p.date < origin) }));
    const actual = all.map((s) => s.points.filter((p) => week.has(p.date)).map((p) => p.units));
    const run = async (withEvents: boolean) => {
      const results = await forecastSeries(
        {
          series: train,
          horizon: 14,
          events: withEvents ? defaultFestivalEvents({ fromYear: 2024, toYear: 2025 }) : [],
          backtestWindows: 0,
          preferredModel: 'global',
          globalEpochs: 12,
          seed: 3,
        },
        { globalModel: createTfQuantileTrainer() },
      );
      let error = 0;
      results.forEach((r, s) => {
        const days = r.days.filter((d) => week.has(d.date));
        days.forEach((d, k) => {
          error += Math.abs(d.mean - actual[s]![k]!);
        });
      });
      return { error, results };
    };
    const aware = await run(true);
    const blind = await run(false);
    expect(aware.error).toBeLessThanOrEqual(blind.error / 2);
    const uplift = aware.results[3]!.explanation.festivalUpliftPct.find((u) => u.event === 'diwali');
    expect(uplift?.upliftPct).toBeGreaterThan(30);
  }, 60_000);
});
