import type { SeriesInput } from '../../core/forecasting/index.js';
import { addDays, daysBetween } from '../../core/inventory/local-date.js';

// A shop's ledger turned into the forecasting core's input: one dense daily series per product, zero on
// days without a sale, and a zero day marked as a stock-out when the shelf was empty that morning (an
// empty shelf sells nothing whatever the demand was). Pure: the features job loads, this shapes.

export interface LedgerProduct {
  id: number;
  category: string;
  /** Shelf price now, in paise. */
  pricePaise: number;
  /** products.stock_quantity now. */
  stock: number;
}

export interface LedgerSalesDay {
  productId: number;
  date: string;
  units: number;
  /** Average price paid that day, in paise. */
  pricePaise: number;
}

/** The net stock change of a product on one day, from stock_movements. */
export interface LedgerStockDay {
  productId: number;
  date: string;
  delta: number;
}

/** One product's history as the training job receives it (compact: arrays indexed by day from start). */
export interface TrainingSeries {
  productId: number;
  category: string;
  start: string;
  units: number[];
  /** Rupees; null on days without a sale (the core carries prices forward). */
  prices: Array<number | null>;
  /** Indexes of stock-out days. */
  stockOuts: number[];
}

export interface DailySeriesInput {
  products: readonly LedgerProduct[];
  sales: readonly LedgerSalesDay[];
  stock: readonly LedgerStockDay[];
  /** Last day of history (the day before the first forecast day). */
  lastDay: string;
}

function groupBy<T extends { productId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.productId) ?? [];
    list.push(row);
    out.set(row.productId, list);
  }
  return out;
}

/**
 * Opening stock per day index, or undefined where the journal cannot say: stock is only known from the
 * day after the product's first movement (before it, "current minus later movements" would read a
 * never-counted shelf as empty).
 */
function openingStock(
  product: LedgerProduct,
  moves: readonly LedgerStockDay[],
  start: string,
  length: number,
): Array<number | undefined> {
  const opening = new Array<number | undefined>(length).fill(undefined);
  if (moves.length === 0) return opening;
  const byDay = new Map<string, number>();
  let first = moves[0]!.date;
  for (const move of moves) {
    byDay.set(move.date, (byDay.get(move.date) ?? 0) + move.delta);
    if (move.date < first) first = move.date;
  }
  // Walk backwards from today's stock, undoing each day's movements.
  let later = 0;
  for (const [date, delta] of byDay) if (date > addDays(start, length - 1)) later += delta;
  let closing = product.stock - later;
  for (let i = length - 1; i >= 0; i--) {
    const date = addDays(start, i);
    const opens = closing - (byDay.get(date) ?? 0);
    if (date > first) opening[i] = opens;
    closing = opens;
  }
  return opening;
}

export function buildDailySeries(input: DailySeriesInput): TrainingSeries[] {
  const salesBy = groupBy(input.sales);
  const stockBy = groupBy(input.stock);
  const out: TrainingSeries[] = [];
  for (const product of input.products) {
    const sales = salesBy.get(product.id);
    if (!sales || sales.length === 0) continue;
    let start = sales[0]!.date;
    for (const day of sales) if (day.date < start) start = day.date;
    const length = daysBetween(start, input.lastDay) + 1;
    if (length < 1) continue;
    const units = new Array<number>(length).fill(0);
    const prices = new Array<number | null>(length).fill(null);
    for (const day of sales) {
      const i = daysBetween(start, day.date);
      if (i < 0 || i >= length) continue;
      units[i] = day.units;
      prices[i] = Math.round(day.pricePaise) / 100;
    }
    // Today's shelf price is what the coming days sell at, so a price change shows before its first sale.
    if (prices[length - 1] === null && product.pricePaise > 0) prices[length - 1] = product.pricePaise / 100;
    const opening = openingStock(product, stockBy.get(product.id) ?? [], start, length);
    const stockOuts: number[] = [];
    for (let i = 0; i < length; i++) {
      const shelf = opening[i];
      if (units[i] === 0 && shelf !== undefined && shelf <= 0) stockOuts.push(i);
    }
    out.push({ productId: product.id, category: product.category, start, units, prices, stockOuts });
  }
  return out;
}

/** The core's input for a stored series. */
export function toSeriesInput(series: TrainingSeries): SeriesInput {
  const out = new Set(series.stockOuts);
  return {
    id: String(series.productId),
    category: series.category,
    points: series.units.map((units, i) => {
      const price = series.prices[i];
      return {
        date: addDays(series.start, i),
        units,
        ...(price === null || price === undefined ? {} : { price }),
        ...(out.has(i) ? { inStock: false } : {}),
      };
    }),
  };
}
