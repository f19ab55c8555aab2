export { PAYDAY_LIFT, WEEKEND_LIFT } from './calendar-effects.js';
export { FESTIVAL_EFFECTS, type FestivalDay, type FestivalEffect } from './festival-effects.js';
export type { PricePoint } from './price-schedule.js';
export {
  type DemandGroup,
  MAX_MARGIN,
  MIN_MARGIN,
  PRODUCT_ELASTICITIES,
  PRODUCT_PROFILES,
  type ProductProfile,
} from './product-profiles.js';
export {
  type DemandTruth,
  type ProductPricing,
  type SalesRow,
  type SimulatedProduct,
  type SimulatedSales,
  type SimulateShopSalesOptions,
  simulateShopSales,
} from './simulate-shop-sales.js';
