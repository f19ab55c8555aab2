import { type Confidence, confidenceFromSd } from './confidence.js';
import {
  type ElasticityEstimate,
  type ElasticityOptions,
  estimateElasticity,
  type PricedDay,
} from './elasticity.js';
import {
  categoryPrior,
  defaultElasticityPrior,
  type ElasticityPrior,
  shrinkElasticity,
} from './shrinkage.js';

// Elasticities for many series at once (the price-eval command, a nightly job): each series on its own, then
// pooled towards a prior built from the other identified series of its category.

export interface PricedSeries {
  id: string;
  category?: string;
  days: PricedDay[];
}

export interface SeriesElasticity {
  id: string;
  category: string;
  days: number;
  priceLevels: number;
  meanUnits: number;
  minPrice: number;
  maxPrice: number;
  own: ElasticityEstimate;
  pooled: { elasticity: number; sd: number; ownWeight: number };
  confidence: Confidence;
}

export interface ElasticityEvaluation {
  series: SeriesElasticity[];
  priors: Record<string, ElasticityPrior>;
}

export function evaluateElasticities(
  input: readonly PricedSeries[],
  options: ElasticityOptions = {},
  fallbackPrior: ElasticityPrior = defaultElasticityPrior,
): ElasticityEvaluation {
  const fitted = input.map((s) => ({
    series: s,
    category: s.category ?? 'all',
    own: estimateElasticity(s.days, options),
  }));
  const priors: Record<string, ElasticityPrior> = {};
  for (const category of new Set(fitted.map((f) => f.category))) {
    const identified = fitted.flatMap((f) =>
      f.category === category && f.own.identified ? [{ elasticity: f.own.elasticity, se: f.own.se }] : [],
    );
    priors[category] = categoryPrior(identified, fallbackPrior);
  }
  const series = fitted.map(({ series: s, category, own }) => {
    const prior = priors[category] ?? fallbackPrior;
    const pooled = shrinkElasticity(
      own.identified ? { elasticity: own.elasticity, se: own.se } : null,
      prior,
    );
    const prices = s.days.map((d) => d.price).filter((p) => Number.isFinite(p) && p > 0);
    const units = s.days.reduce((sum, d) => sum + (Number.isFinite(d.units) ? d.units : 0), 0);
    return {
      id: s.id,
      category,
      days: s.days.length,
      priceLevels: own.priceLevels,
      meanUnits: s.days.length > 0 ? units / s.days.length : 0,
      minPrice: prices.length > 0 ? Math.min(...prices) : 0,
      maxPrice: prices.length > 0 ? Math.max(...prices) : 0,
      own,
      pooled,
      confidence: confidenceFromSd(pooled.sd),
    };
  });
  return { series, priors };
}
