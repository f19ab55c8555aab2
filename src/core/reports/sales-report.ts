import { eachDay } from '../inventory/local-date.js';
import type { DayRange, ReportWindow } from './report-period.js';

// Turns the ledger's totals for a report window into what the shopkeeper is told: sales, profit, units,
// the top products, the change against the previous period, and the best seller or best day.

export interface ReportProduct {
  catalogId: string;
  names: { en: string; hi: string; 'hi-Latn': string };
  unit: string;
}

/** One product's sales in one half of the window, as the reports repository sums them. */
export interface ProductTotals {
  product: ReportProduct;
  revenuePaise: number;
  quantity: number;
  /** Cost of the lines whose cost is known, and the revenue of those same lines. */
  costPaise: number;
  costedRevenuePaise: number;
  /** Lines sold with no known cost: their profit cannot be counted. */
  uncostedLines: number;
}

export interface DayTotal {
  date: string;
  revenuePaise: number;
}

export interface ReportTotals {
  current: readonly ProductTotals[];
  previous: readonly ProductTotals[];
  /** Revenue per day of the current range; days without sales may be missing. */
  days: readonly DayTotal[];
  /** The same for the previous range. */
  previousDays: readonly DayTotal[];
}

export interface ProductLine {
  product: ReportProduct;
  revenuePaise: number;
  quantity: number;
}

export interface SalesReport {
  window: ReportWindow;
  revenuePaise: number;
  /** Every quantity summed whatever its unit: a check against the ledger, never shown (2 kg is not 2 items). */
  units: number;
  /** What is shown instead: quantities summed per unit, largest first ("24 packets, 2 kg"). */
  quantities: Array<{ unit: string; quantity: number }>;
  /** Undefined when no line sold had a known cost. */
  profit?: { paise: number; complete: boolean };
  previousRevenuePaise: number;
  /**
   * Whole percent, over the window's comparison days; undefined when those days of the previous period
   * sold nothing (no base to compare with).
   */
  changePercent?: number;
  top: ProductLine[];
  bestSeller?: ProductLine;
  /** Week and month reports: the day with the most sales. */
  bestDay?: DayTotal;
  /** Every day of the current range, zero-filled, for the chart. */
  days: DayTotal[];
}

export const TOP_PRODUCTS = 5;

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

/** Quantities are numeric in the ledger; float sums get rounded to what a shopkeeper would write. */
function roundQuantity(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function buildSalesReport(window: ReportWindow, totals: ReportTotals): SalesReport {
  const { current, previous } = totals;
  const revenuePaise = sum(current, (t) => t.revenuePaise);
  const previousRevenuePaise = sum(previous, (t) => t.revenuePaise);
  const top = [...current]
    .filter((t) => t.revenuePaise > 0)
    .sort((a, b) => b.revenuePaise - a.revenuePaise || a.product.catalogId.localeCompare(b.product.catalogId))
    .slice(0, TOP_PRODUCTS)
    .map((t) => ({ product: t.product, revenuePaise: t.revenuePaise, quantity: roundQuantity(t.quantity) }));

  const report: SalesReport = {
    window,
    revenuePaise,
    units: roundQuantity(sum(current, (t) => t.quantity)),
    quantities: quantitiesByUnit(current),
    previousRevenuePaise,
    top,
    days: zeroFilledDays(window, totals.days),
  };
  const costed = current.filter((t) => t.costedRevenuePaise > 0 || t.costPaise > 0);
  if (costed.length > 0) {
    report.profit = {
      paise: sum(costed, (t) => t.costedRevenuePaise - t.costPaise),
      complete: current.every((t) => t.uncostedLines === 0),
    };
  }
  const compared = revenueWithin(totals.days, window.compare.current);
  const base = revenueWithin(totals.previousDays, window.compare.previous);
  if (base > 0) report.changePercent = Math.round(((compared - base) / base) * 100);
  if (top[0]) report.bestSeller = top[0];
  if (window.period === 'week' || window.period === 'month') {
    const best = report.days.reduce<DayTotal | undefined>(
      (max, day) => (day.revenuePaise > (max?.revenuePaise ?? 0) ? day : max),
      undefined,
    );
    if (best) report.bestDay = best;
  }
  return report;
}

function revenueWithin(days: readonly DayTotal[], range: DayRange): number {
  return sum(
    days.filter((day) => day.date >= range.from && day.date <= range.to),
    (day) => day.revenuePaise,
  );
}

function zeroFilledDays(window: ReportWindow, days: readonly DayTotal[]): DayTotal[] {
  const byDate = new Map<string, number>();
  for (const day of days) byDate.set(day.date, (byDate.get(day.date) ?? 0) + day.revenuePaise);
  return eachDay(window.current.from, window.current.to).map((date) => ({
    date,
    revenuePaise: byDate.get(date) ?? 0,
  }));
}

function quantitiesByUnit(current: readonly ProductTotals[]): SalesReport['quantities'] {
  const byUnit = new Map<string, number>();
  for (const t of current)
    if (t.quantity > 0) byUnit.set(t.product.unit, (byUnit.get(t.product.unit) ?? 0) + t.quantity);
  return [...byUnit]
    .map(([unit, quantity]) => ({ unit, quantity: roundQuantity(quantity) }))
    .sort((a, b) => b.quantity - a.quantity || a.unit.localeCompare(b.unit));
}
