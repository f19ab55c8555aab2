export { type Confidence, confidenceFromSd } from './confidence.js';
export {
  type ElasticityEstimate,
  type ElasticityOptions,
  estimateElasticity,
  type PricedDay,
} from './elasticity.js';
export { type ElasticityEvaluation, evaluateElasticities, type PricedSeries } from './evaluate-series.js';
export { type FestivalWindowOptions, festivalWindows } from './festival-windows.js';
export {
  type PriceBounds,
  priceBounds,
  pricesBetween,
  roundDownToStep,
  roundUpToStep,
} from './price-steps.js';
export {
  type CategoryPooledElasticity,
  categoryPrior,
  defaultElasticityPrior,
  type ElasticityPrior,
  type PooledElasticity,
  poolWithCategory,
  shrinkElasticity,
} from './shrinkage.js';
export {
  type PriceReason,
  type PriceSuggestion,
  type PriceSuggestionInput,
  suggestPrice,
} from './suggest-price.js';
