import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../src/core/forecasting/day-math.js';
import { buildFrame, imputeMissing } from '../../../../src/core/forecasting/series-frame.js';

describe('series frame', () => {
  const frame = buildFrame(
    {
      id: 'maggi',
      points: [
        { date: '2025-01-01', units: 4, price: 14 },
        { date: '2025-01-02', units: 0, inStock: false },
        { date: '2025-01-04', units: 6, price: 15 },
      ],
    },
    dayNumber('2025-01-05'),
  );
  it('treats a stock-out day as unknown demand and a missing row as no sale', () => {
    expect(Array.from(frame.units)).toEqual([4, Number.NaN, 0, 6, 0]);
  });
  it('carries prices forward', () => {
    expect(Array.from(frame.price)).toEqual([14, 14, 14, 15, 15]);
  });
  it('imputes unknown days from known days before them (after them at the start)', () => {
    expect(Array.from(imputeMissing([Number.NaN, 2, 4, Number.NaN]))).toEqual([3, 2, 4, 3]);
  });
});
