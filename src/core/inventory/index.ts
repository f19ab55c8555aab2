export { type DemandSum, daySpread, demandQuantile, sumDemand } from './demand-sum.js';
export { addDays, daysBetween, eachDay, weekdayOf } from './local-date.js';
export {
  computeRestock,
  festivalBuyingWindow,
  nextDaysWindow,
  type RestockAdvice,
  type RestockInput,
  type RestockWhy,
} from './restock.js';
export { chooseServiceLevel, defaultServiceLevelRules, type ServiceLevelRules } from './service-level.js';
export { assessStockCover, daysOfCover, type StockCover, type StockCoverInput } from './stock-cover.js';
export type { DayWindow, ForecastDay, RestockProduct } from './types.js';
