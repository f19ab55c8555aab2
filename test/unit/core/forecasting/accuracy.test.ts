import { describe, expect, it } from 'vitest';
import { intervalCoverage, naiveScale, rmsse } from '../../../../src/core/forecasting/accuracy.js';

describe('accuracy', () => {
  it('scales by the naive one-step error counted from the first sale', () => {
    // Leading zeros are ignored: diffs of [2, 4, 2] are 2 and -2, so the scale is 4.
    expect(naiveScale([0, 0, 2, 4, 2])).toBe(4);
  });
  it('RMSSE is zero for a perfect forecast and skips unknown actuals', () => {
    expect(rmsse([1, 2, 3], [1, 2, 3], [0, 2, 4, 2])).toBe(0);
    expect(rmsse([1, Number.NaN], [3, 100], [0, 2, 4, 2])).toBeCloseTo(1, 9);
  });
  it('counts interval coverage inclusively', () => {
    expect(intervalCoverage([0, 5, 9], [0, 1, 1], [2, 5, 8])).toEqual({ inside: 2, total: 3 });
  });
});
