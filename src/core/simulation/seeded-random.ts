// Seeded randomness for the simulator. Core code may not touch Math.random, so every draw comes from a
// generator built from an explicit seed; the same seed always yields the same shop history.

export type Random = () => number;

/** mulberry32: a tiny 32-bit PRNG, plenty for simulated sales and cheap to seed per product. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent stream per (seed, label), so a product's history does not change when another
 * product is added or the product order changes. FNV-1a over the label, mixed with the seed.
 */
export function streamFor(seed: number, label: string): Random {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mulberry32(hash >>> 0);
}

export function standardNormal(random: Random): number {
  // Box-Muller; 1 - u keeps the logarithm away from zero.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale) by Marsaglia and Tsang; shapes below 1 use the usual boost. */
export function gamma(random: Random, shape: number, scale: number): number {
  if (shape < 1) {
    return gamma(random, shape + 1, scale) * (1 - random()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) {
    // Knuth's product underflows for huge means; a kirana shop never gets here, but stay correct.
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  }
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

/**
 * Negative binomial as a gamma-Poisson mixture: mean `mean`, variance mean + mean²/dispersion.
 * Real shop counts are overdispersed (a wedding order, a rainy afternoon), which plain Poisson misses.
 */
export function negativeBinomial(random: Random, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(random, gamma(random, dispersion, mean / dispersion));
}
