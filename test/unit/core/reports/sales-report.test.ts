import { describe, expect, it } from 'vitest';
import { reportWindow } from '../../../../src/core/reports/report-period.js';
import {
  buildSalesReport,
  type ProductTotals,
  type ReportProduct,
} from '../../../../src/core/reports/sales-report.js';

function product(catalogId: string, unit = 'packet'): ReportProduct {
  return { catalogId, names: { en: catalogId, hi: catalogId, 'hi-Latn': catalogId }, unit };
}

function totals(catalogId: string, revenuePaise: number, quantity: number, cost?: number): ProductTotals {
  return {
    product: product(catalogId),
    revenuePaise,
    quantity,
    costPaise: cost ?? 0,
    costedRevenuePaise: cost === undefined ? 0 : revenuePaise,
    uncostedLines: cost === undefined ? 1 : 0,
  };
}

const week = reportWindow('week', '2026-11-26'); // Mon 23 to Thu 26 Nov

describe('sales report', () => {
  it('sums sales, units and profit and ranks the top five by revenue', () => {
    const current = [
      totals('milk', 420_000, 70.5, 360_000),
      totals('maggi', 287_000, 205, 235_000),
      totals('atta', 215_000, 50, 187_000),
      totals('lays', 120_000, 60, 84_000),
      totals('soap', 90_000, 30, 70_000),
      totals('rice', 60_000, 10, 52_000),
    ];
    const report = buildSalesReport(week, {
      current,
      previous: [totals('milk', 1_000_000, 100, 0)],
      // Thursday is still being sold: the change compares Mon-Wed with Mon-Wed of last week.
      days: [
        { date: '2026-11-23', revenuePaise: 1_000_000 },
        { date: '2026-11-26', revenuePaise: 192_000 },
      ],
      previousDays: [
        { date: '2026-11-16', revenuePaise: 800_000 },
        { date: '2026-11-19', revenuePaise: 200_000 },
      ],
    });
    expect(report.revenuePaise).toBe(1_192_000);
    expect(report.units).toBe(425.5);
    expect(report.profit).toEqual({ paise: 1_192_000 - 988_000, complete: true });
    expect(report.top.map((line) => line.product.catalogId)).toEqual([
      'milk',
      'maggi',
      'atta',
      'lays',
      'soap',
    ]);
    expect(report.bestSeller?.product.catalogId).toBe('milk');
    expect(report.previousRevenuePaise).toBe(1_000_000);
    expect(report.changePercent).toBe(25);
  });

  it('marks profit partial when some lines have no cost, and leaves it out when none has', () => {
    const partial = buildSalesReport(week, {
      current: [totals('milk', 10_000, 2, 8_000), totals('pooja_items', 5_000, 1)],
      previous: [],
      days: [],
      previousDays: [],
    });
    expect(partial.profit).toEqual({ paise: 2_000, complete: false });
    expect(partial.changePercent).toBeUndefined();
    const none = buildSalesReport(week, {
      current: [totals('pooja_items', 5_000, 1)],
      previous: [],
      days: [],
      previousDays: [],
    });
    expect(none.profit).toBeUndefined();
  });

  it('reports a fall as a negative change and rounds to whole percent', () => {
    const report = buildSalesReport(reportWindow('today', '2026-11-24'), {
      current: [totals('milk', 2_000, 1, 0)],
      previous: [totals('milk', 3_000, 1, 0)],
      days: [{ date: '2026-11-24', revenuePaise: 2_000 }],
      previousDays: [{ date: '2026-11-23', revenuePaise: 3_000 }],
    });
    expect(report.changePercent).toBe(-33);
    expect(report.bestDay).toBeUndefined();
  });

  it('fills days without sales with zero and picks the best day of a week', () => {
    const report = buildSalesReport(week, {
      current: [totals('milk', 9_000, 3, 0)],
      previous: [],
      days: [
        { date: '2026-11-23', revenuePaise: 2_000 },
        { date: '2026-11-25', revenuePaise: 7_000 },
      ],
      previousDays: [],
    });
    expect(report.days).toEqual([
      { date: '2026-11-23', revenuePaise: 2_000 },
      { date: '2026-11-24', revenuePaise: 0 },
      { date: '2026-11-25', revenuePaise: 7_000 },
      { date: '2026-11-26', revenuePaise: 0 },
    ]);
    expect(report.bestDay).toEqual({ date: '2026-11-25', revenuePaise: 7_000 });
  });

  it('has no top, best seller or best day when nothing sold', () => {
    const report = buildSalesReport(week, { current: [], previous: [], days: [], previousDays: [] });
    expect(report).toMatchObject({ revenuePaise: 0, units: 0, top: [] });
    expect(report.bestSeller).toBeUndefined();
    expect(report.bestDay).toBeUndefined();
  });
});
