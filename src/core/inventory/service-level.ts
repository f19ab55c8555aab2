import type { RestockProduct } from './types.js';

// Running out of a fast, well-earning item loses margin on every missed sale and sends the customer to the
// next shop, so it gets a high service level; an unsold perishable is thrown away, so it gets a low one. The
// levels are plain rules a shopkeeper can be told, not an optimisation.

export interface ServiceLevelRules {
  /** Shelf life at or below this many days makes an item perishable. */
  perishableMaxShelfLifeDays: number;
  /** Average daily units at or above this make an item fast. */
  fastDailyUnits: number;
  /** (price − cost) / price at or above this is a high margin. */
  highMarginFraction: number;
  levels: { perishable: number; fastHighMargin: number; fastOrHighMargin: number; other: number };
}

export const defaultServiceLevelRules: ServiceLevelRules = {
  perishableMaxShelfLifeDays: 14,
  fastDailyUnits: 5,
  highMarginFraction: 0.15,
  levels: { perishable: 0.8, fastHighMargin: 0.95, fastOrHighMargin: 0.9, other: 0.85 },
};

export type ServiceLevelReason = 'perishable' | 'fast-high-margin' | 'fast' | 'high-margin' | 'other';

export interface ServiceLevelChoice {
  level: number;
  reason: ServiceLevelReason;
}

export function isPerishable(product: RestockProduct, rules = defaultServiceLevelRules): boolean {
  return product.shelfLifeDays !== undefined && product.shelfLifeDays <= rules.perishableMaxShelfLifeDays;
}

export function marginFraction(product: RestockProduct): number {
  if (product.pricePaise <= 0) return 0;
  return (product.pricePaise - product.costPaise) / product.pricePaise;
}

export function chooseServiceLevel(
  product: RestockProduct,
  dailyUnits: number,
  rules: ServiceLevelRules = defaultServiceLevelRules,
): ServiceLevelChoice {
  if (isPerishable(product, rules)) return { level: rules.levels.perishable, reason: 'perishable' };
  const fast = dailyUnits >= rules.fastDailyUnits;
  const highMargin = marginFraction(product) >= rules.highMarginFraction;
  if (fast && highMargin) return { level: rules.levels.fastHighMargin, reason: 'fast-high-margin' };
  if (fast) return { level: rules.levels.fastOrHighMargin, reason: 'fast' };
  if (highMargin) return { level: rules.levels.fastOrHighMargin, reason: 'high-margin' };
  return { level: rules.levels.other, reason: 'other' };
}
