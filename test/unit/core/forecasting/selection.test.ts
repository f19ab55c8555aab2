import { describe, expect, it } from 'vitest';
import type { Band } from '../../../../src/core/forecasting/bands.js';
import { blendShares, withBlends } from '../../../../src/core/forecasting/selection.js';

const flat = (level: number): Band => ({
  mean: [level, level],
  p10: [level - 1, level - 1],
  p50: [level, level],
  p90: [level + 1, level + 1],
});

describe('blends', () => {
  it('gives the global model a third next to the weekday average and equal shares elsewhere', () => {
    expect(Object.fromEntries(blendShares('global+weekday_ma'))).toEqual({
      global: 1 / 3,
      weekday_ma: 2 / 3,
    });
    expect(Object.fromEntries(blendShares('global+tsb'))).toEqual({ global: 0.5, tsb: 0.5 });
    expect(Object.fromEntries(blendShares('moving_average'))).toEqual({ moving_average: 1 });
  });

  it('weights the members of a blend by their shares', () => {
    const all = withBlends(
      new Map([
        ['global', flat(9)],
        ['weekday_ma', flat(3)],
        ['tsb', flat(6)],
      ]),
    );
    expect(all.get('global+weekday_ma')!.mean[0]).toBeCloseTo(5);
    expect(all.get('global+tsb')!.mean[0]).toBeCloseTo(7.5);
    expect(all.has('global+moving_average')).toBe(false);
  });
});
