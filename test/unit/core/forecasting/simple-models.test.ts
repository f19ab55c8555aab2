import { describe, expect, it } from 'vitest';
import {
  croston,
  movingAverage,
  seasonalNaive,
  ses,
  tsb,
  weekdayMovingAverage,
} from '../../../../src/core/forecasting/models/simple-models.js';

describe('baseline models', () => {
  const week = [1, 2, 3, 4, 5, 6, 7];
  it('seasonal naive repeats the last week in order', () => {
    expect(seasonalNaive([...week, ...week], 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2]);
  });
  it('moving average is the mean of the last 28 days', () => {
    const history = [...new Array(10).fill(100), ...new Array(28).fill(2)];
    expect(movingAverage(history, 3)).toEqual([2, 2, 2]);
  });
  it('SES settles on a constant series', () => {
    expect(ses(new Array(50).fill(4), 2)[0]).toBeCloseTo(4, 6);
  });
  it('Croston forecasts size over interval for a regular slow item', () => {
    const history = Array.from({ length: 60 }, (_, i) => (i % 4 === 3 ? 8 : 0));
    expect(croston(history, 1)[0]).toBeCloseTo(2, 6);
  });
  it('TSB decays towards zero after an item stops selling; Croston does not', () => {
    const history = [...Array.from({ length: 60 }, (_, i) => (i % 2 ? 3 : 0)), ...new Array(60).fill(0)];
    expect(tsb(history, 1)[0]!).toBeLessThan(0.2);
    expect(croston(history, 1)[0]!).toBeGreaterThan(1);
  });
});

describe('weekday moving average', () => {
  it('shapes the recent mean by a strong weekday pattern', () => {
    // Busy day every 7th day, last one being the final history day.
    const history = Array.from({ length: 84 }, (_, i) => (i % 7 === 6 ? 40 : 10));
    const f = weekdayMovingAverage(history, 7);
    expect(f[6]!).toBeGreaterThan(2 * f[0]!);
    expect(f.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(movingAverage(history, 1)[0]!, 0);
  });
  it('stays nearly flat for a slow item', () => {
    const history = Array.from({ length: 84 }, (_, i) => (i % 14 === 0 ? 1 : 0));
    const f = weekdayMovingAverage(history, 7);
    expect(Math.max(...f) / Math.min(...f)).toBeLessThan(1.5);
  });
});
