import type { Paise } from '../money.js';

export interface RestockProduct {
  id: string;
  unit: string;
  /** Units per supplier pack (carton, crate); orders are whole packs. */
  packSize: number;
  category: string;
  pricePaise: Paise;
  costPaise: Paise;
  /** Set for perishables (milk, bread, paneer): days an item stays sellable after it arrives. */
  shelfLifeDays?: number;
}

/**
 * One day of a stored forecast (units of the product's unit). Same shape as the forecasting core's output rows;
 * declared here so restock depends on the stored contract, not on the forecaster's internals.
 */
export interface ForecastDay {
  date: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

/** Inclusive range of shop-local days the shop wants stock for. */
export interface DayWindow {
  start: string;
  end: string;
}
