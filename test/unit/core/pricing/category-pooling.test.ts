import { describe, expect, it } from 'vitest';
import { simulateCategory } from '../../../../scripts/bench/price-category.js';
import { PRODUCT_PROFILES } from '../../../../src/core/simulation/product-profiles.js';

// The price bench's pooled scenario at a fixed seed: shops with a few months of history each, whose own
// estimates are too noisy to use, still tell the category's elasticity between them, and pulling each shop
// towards the others (poolWithCategory, what price advice does) brings it closer to its own truth.

const profile = (id: string) => PRODUCT_PROFILES.find((p) => p.id === id)!;
const meanAbsError = (pairs: readonly { estimate: number; truth: number }[]): number =>
  pairs.reduce((sum, p) => sum + Math.abs(p.estimate - p.truth), 0) / pairs.length;

describe('pooling price response across shops of a category', () => {
  for (const [id, truth, seed] of [
    ['biscuits', -1.4, 7700],
    ['atta', -0.8, 8300],
  ] as const) {
    it(`recovers the ${id} category elasticity (${truth}) from 30 thin shops within ±0.2`, () => {
      const category = simulateCategory({
        seed,
        profile: profile(id),
        categoryElasticity: truth,
        shops: 30,
        shopSd: 0.15,
        historyDays: [90, 240],
      });
      expect(category.estimate.series).toBeGreaterThanOrEqual(15);
      expect(Math.abs(category.estimate.mean - truth)).toBeLessThanOrEqual(0.2);

      const withOwn = category.shops.filter((shop) => shop.own !== null);
      const own = meanAbsError(withOwn.map((s) => ({ estimate: s.own!.elasticity, truth: s.truth })));
      const pooled = meanAbsError(withOwn.map((s) => ({ estimate: s.pooled.elasticity, truth: s.truth })));
      expect(pooled).toBeLessThan(own);
    });
  }
});
