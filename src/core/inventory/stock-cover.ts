// How long current stock lasts, and the low-stock rule used by the morning alert. Stock already ordered counts
// (it is on its way), so an item that was just reordered does not keep raising alerts.

export interface StockCoverInput {
  stockOnHand: number;
  stockOnOrder: number;
  /** Expected units per day from today on (forecast means); missing days repeat the last known average. */
  dailyMeans: readonly number[];
  leadTimeDays: number;
  reviewPeriodDays: number;
}

export interface StockCover {
  /** Days the stock lasts; null when no sales are expected (it lasts indefinitely). */
  daysOfCover: number | null;
  /** Lead time plus review period: stock must last at least this long until the next order can land. */
  thresholdDays: number;
  isLow: boolean;
}

export function daysOfCover(stock: number, dailyMeans: readonly number[]): number | null {
  const means = dailyMeans.map((m) => (Number.isFinite(m) && m > 0 ? m : 0));
  const total = means.reduce((s, m) => s + m, 0);
  if (total === 0) return null;
  let remaining = Number.isFinite(stock) && stock > 0 ? stock : 0;
  for (const [day, mean] of means.entries()) {
    if (mean >= remaining && mean > 0) return day + remaining / mean;
    remaining -= mean;
  }
  // Past the forecast, keep selling at the forecast's average rate.
  return means.length + remaining / (total / means.length);
}

export function assessStockCover(input: StockCoverInput): StockCover {
  const position = Math.max(0, input.stockOnHand) + Math.max(0, input.stockOnOrder);
  const cover = daysOfCover(position, input.dailyMeans);
  const thresholdDays = Math.max(0, input.leadTimeDays) + Math.max(0, input.reviewPeriodDays);
  return { daysOfCover: cover, thresholdDays, isLow: cover !== null && cover < thresholdDays };
}
