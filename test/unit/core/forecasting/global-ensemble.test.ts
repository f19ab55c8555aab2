import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../src/core/forecasting/day-math.js';
import {
  forecastSeries,
  type GlobalModelTrainer,
  type SeriesInput,
} from '../../../../src/core/forecasting/index.js';

// A bagged global model averages its members' outputs; fake trainers stand in for TensorFlow.js.

function series(id: string, level: number): SeriesInput {
  return {
    id,
    points: Array.from({ length: 150 }, (_, i) => ({
      date: addDays('2025-01-06', i),
      units: level + (i % 7 === 5 ? 3 : 0),
    })),
  };
}

/** A trainer whose n-th model adds `offsets[n]` to every output (a correction to the 28-day mean). */
function fakeTrainer(offsets: number[]): GlobalModelTrainer & { seeds: number[] } {
  const seeds: number[] = [];
  return {
    name: 'fake',
    seeds,
    async train(_data, options) {
      const offset = offsets[seeds.length % offsets.length]!;
      seeds.push(options.seed);
      return {
        predict: async (_features, rows) =>
          new Float32Array(rows * (1 + options.quantiles.length)).fill(offset),
        dispose: () => {},
      };
    },
  };
}

const globalMeans = async (trainer: GlobalModelTrainer, members: number) => {
  const [r] = await forecastSeries(
    {
      series: [series('a', 10), series('b', 4)],
      horizon: 7,
      events: [],
      backtestWindows: 0,
      preferredModel: 'global',
      globalMembers: members,
      globalMaxRows: 500,
    },
    { globalModel: trainer },
  );
  return r!.days.map((d) => d.mean);
};

describe('bagged global model', () => {
  it('trains one model per member on distinct seeds and averages their outputs', async () => {
    const pair = fakeTrainer([0, 0.2]);
    const bagged = await globalMeans(pair, 2);
    expect(pair.seeds).toHaveLength(2);
    expect(new Set(pair.seeds).size).toBe(2);
    const single = await globalMeans(fakeTrainer([0.1]), 1);
    bagged.forEach((m, h) => {
      expect(m).toBeCloseTo(single[h]!, 2);
    });
  });
});
