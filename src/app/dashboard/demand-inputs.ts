import type {
  ForecastRow,
  ProductSummaryRow,
} from '../../adapters/postgres/repositories/dashboard-queries.js';
import { eachDay, type ForecastDay, type RestockProduct } from '../../core/inventory/index.js';

// Turns dashboard rows into the inputs of the restock core.

const Z90 = 1.2815515655446004;

export function restockProduct(product: ProductSummaryRow): RestockProduct {
  const item: RestockProduct = {
    id: String(product.id),
    unit: product.unit,
    packSize: product.packSize,
    category: product.category,
    pricePaise: product.pricePaise,
    // With no cost known the margin rules treat the item as ordinary, not as a high earner.
    costPaise: product.costPaise ?? product.pricePaise,
  };
  if (product.shelfLifeDays !== null) item.shelfLifeDays = product.shelfLifeDays;
  return item;
}

export function recentDailyAverage(product: ProductSummaryRow): number {
  return product.units28 / 28;
}

/**
 * Stored forecast days from `from` to `to`; days the forecast does not reach are filled from the recent
 * average, lifted by `liftOn(date)` (a festival's uplift inside its buying window), with a Poisson spread.
 * Returns the days and how many of them were filled in.
 */
export function demandDays(
  stored: readonly ForecastRow[],
  from: string,
  to: string,
  recentAverage: number,
  liftOn: (date: string) => number = () => 0,
): { days: ForecastDay[]; filled: number } {
  const byDate = new Map(stored.map((row) => [row.date, row]));
  let filled = 0;
  const days = eachDay(from, to).map((date): ForecastDay => {
    const row = byDate.get(date);
    if (row) return { date, mean: row.mean, p10: row.p10, p50: row.p50, p90: row.p90 };
    filled += 1;
    const mean = recentAverage * (1 + liftOn(date));
    const spread = Z90 * Math.sqrt(mean);
    return { date, mean, p10: Math.max(0, mean - spread), p50: mean, p90: mean + spread };
  });
  return { days, filled };
}
