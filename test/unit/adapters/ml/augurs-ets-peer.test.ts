import { describe, expect, it } from 'vitest';
import { createAugursEtsPeer } from '../../../../src/adapters/ml/augurs-ets-peer.js';

describe('MSTL/AutoETS peer (@bsull/augurs)', () => {
  it('carries a weekly pattern into the forecast', () => {
    const history = Array.from({ length: 140 }, (_, i) => (i % 7 === 6 ? 30 : 10));
    const f = createAugursEtsPeer().forecast(history, 14);
    expect(f).toHaveLength(14);
    // Day index 140 + 6 = 146 is 146 % 7 === 6, a busy day.
    expect(f[6]!).toBeGreaterThan(20);
    expect(f[0]!).toBeLessThan(15);
  });
  it('falls back to the recent level for very short or flat histories', () => {
    const peer = createAugursEtsPeer();
    expect(peer.forecast([2, 4], 3)).toEqual([3, 3, 3]);
    expect(Math.max(...peer.forecast(new Array(60).fill(0), 2))).toBeLessThan(1e-6);
  });
});
