import { addDays } from '../inventory/local-date.js';

// The stock a shop plausibly holds after a sales history: enough for some days at its recent pace. Used
// for the demo shop, whose imported year would otherwise leave every shelf at zero.

export interface DailySale {
  date: string;
  product: string;
  quantity: number;
}

export interface OpeningStockOptions {
  /** Last day of the history. */
  endDate: string;
  /** Days of recent sales the pace is taken from. */
  paceDays?: number;
  /** Days of sales the shelf holds. */
  coverDays?: number;
}

/** Whole units per product: recent mean daily sales times the days of cover, rounded up. */
export function openingStock(sales: readonly DailySale[], options: OpeningStockOptions): Map<string, number> {
  const paceDays = options.paceDays ?? 28;
  const coverDays = options.coverDays ?? 10;
  const from = addDays(options.endDate, 1 - paceDays);
  const sold = new Map<string, number>();
  for (const sale of sales) {
    if (sale.date < from || sale.date > options.endDate) continue;
    sold.set(sale.product, (sold.get(sale.product) ?? 0) + sale.quantity);
  }
  const stock = new Map<string, number>();
  for (const [product, quantity] of sold) stock.set(product, Math.ceil((quantity / paceDays) * coverDays));
  return stock;
}
