import { describe, expect, it } from 'vitest';
import {
  mulberry32,
  negativeBinomial,
  poisson,
  streamFor,
} from '../../../../src/core/simulation/seeded-random.js';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  const values = Array.from({ length: n }, draw);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, variance };
}

describe('seeded randomness', () => {
  it('repeats a sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it('gives different labels different streams', () => {
    expect(streamFor(1, 'milk')()).not.toBe(streamFor(1, 'rice')());
    expect(streamFor(1, 'milk')()).toBe(streamFor(1, 'milk')());
  });

  it('draws Poisson counts with mean and variance near the rate', () => {
    const random = mulberry32(7);
    const { mean, variance } = moments(() => poisson(random, 12), 20_000);
    expect(mean).toBeCloseTo(12, 0);
    expect(variance / mean).toBeGreaterThan(0.93);
    expect(variance / mean).toBeLessThan(1.07);
  });

  it('draws negative binomial counts with variance mean + mean²/dispersion', () => {
    const random = mulberry32(8);
    const { mean, variance } = moments(() => negativeBinomial(random, 20, 10), 20_000);
    expect(mean).toBeGreaterThan(19.5);
    expect(mean).toBeLessThan(20.5);
    expect(variance).toBeGreaterThan(0.9 * (20 + 400 / 10));
    expect(variance).toBeLessThan(1.1 * (20 + 400 / 10));
  });
});
