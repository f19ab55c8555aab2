// When a shop has changed a price only once or twice, its own estimate is noisy. It is pulled towards what
// the same category shows across shops, in proportion to how precise each is (a normal prior times a normal
// likelihood). The category prior is a random-effects mean (DerSimonian–Laird): series really differ, so
// the prior's spread is the between-series spread, not just the standard error of the average.

export interface ElasticityPrior {
  mean: number;
  sd: number;
  /** How many series it was built from (0 for the built-in default). */
  series: number;
  /** Standard error of the category's mean elasticity itself (sd is the spread a new shop should expect). */
  meanSe?: number;
}

/** Packaged groceries are usually mildly elastic; wide enough that a few weeks of own data moves it. */
export const defaultElasticityPrior: ElasticityPrior = { mean: -1.2, sd: 0.7, series: 0 };

export interface OwnElasticity {
  elasticity: number;
  se: number;
}

export interface PooledElasticity {
  elasticity: number;
  sd: number;
  /** Share of the answer that comes from the shop's own data (0..1). */
  ownWeight: number;
}

// Estimates with se above maxSe carry almost no information but can still wreck the between-series spread
// (one −140 ± 2000 is enough), so they are left out; and the category prior is never looser than the
// fallback: pooling shops should narrow what we believe, not widen it.
// The spread a shop is told to expect never falls below minShopSd: with thin histories (own se 0.3-0.6)
// the method-of-moments τ² is usually 0 even though shops do differ, and a prior that tight made the
// shrunk 90% intervals cover a shop's true elasticity only 69% of the time on the price bench's simulated
// categories (shops spread with sd 0.15 around the category).
export function categoryPrior(
  estimates: readonly OwnElasticity[],
  fallback: ElasticityPrior = defaultElasticityPrior,
  maxSe = 1,
  minShopSd = 0.2,
): ElasticityPrior {
  const usable = estimates.filter(
    (e) => Number.isFinite(e.elasticity) && Number.isFinite(e.se) && e.se > 0 && e.se <= maxSe,
  );
  if (usable.length < 3) return fallback;
  const weights = usable.map((e) => 1 / (e.se * e.se));
  const sumW = weights.reduce((s, w) => s + w, 0);
  const fixedMean = usable.reduce((s, e, i) => s + weights[i]! * e.elasticity, 0) / sumW;
  const q = usable.reduce((s, e, i) => s + weights[i]! * (e.elasticity - fixedMean) ** 2, 0);
  const sumW2 = weights.reduce((s, w) => s + w * w, 0);
  const tau2 = Math.max(0, (q - (usable.length - 1)) / (sumW - sumW2 / sumW));
  const randomWeights = usable.map((e) => 1 / (e.se * e.se + tau2));
  const sumRandom = randomWeights.reduce((s, w) => s + w, 0);
  const mean = usable.reduce((s, e, i) => s + randomWeights[i]! * e.elasticity, 0) / sumRandom;
  return {
    mean,
    sd: Math.min(fallback.sd, Math.sqrt(Math.max(tau2, minShopSd * minShopSd) + 1 / sumRandom)),
    series: usable.length,
    meanSe: Math.sqrt(1 / sumRandom),
  };
}

export function shrinkElasticity(own: OwnElasticity | null, prior: ElasticityPrior): PooledElasticity {
  if (own === null || !Number.isFinite(own.elasticity) || !(own.se > 0)) {
    return { elasticity: prior.mean, sd: prior.sd, ownWeight: 0 };
  }
  const ownPrecision = 1 / (own.se * own.se);
  const priorPrecision = 1 / (prior.sd * prior.sd);
  const precision = ownPrecision + priorPrecision;
  return {
    elasticity: (own.elasticity * ownPrecision + prior.mean * priorPrecision) / precision,
    sd: Math.sqrt(1 / precision),
    ownWeight: ownPrecision / precision,
  };
}

export interface CategoryPooledElasticity extends PooledElasticity {
  prior: ElasticityPrior;
}

/**
 * The estimate price advice uses: the shop's own (null when its prices never moved enough to tell) pulled
 * towards the category prior built from other shops' own estimates of the same category's products.
 */
export function poolWithCategory(
  own: OwnElasticity | null,
  otherShops: readonly OwnElasticity[],
  fallback: ElasticityPrior = defaultElasticityPrior,
): CategoryPooledElasticity {
  const prior = categoryPrior(otherShops, fallback);
  return { ...shrinkElasticity(own, prior), prior };
}
