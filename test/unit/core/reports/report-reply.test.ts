import { describe, expect, it } from 'vitest';
import type { ReplyText } from '../../../../src/core/conversation/reply.js';
import { reportWindow } from '../../../../src/core/reports/report-period.js';
import { formatQuantity, rangeLabel, reportReply } from '../../../../src/core/reports/report-reply.js';
import { buildSalesReport, type ProductTotals } from '../../../../src/core/reports/sales-report.js';

const milk: ProductTotals = {
  product: { catalogId: 'milk', names: { en: 'Milk', hi: 'दूध', 'hi-Latn': 'Doodh' }, unit: 'litre' },
  revenuePaise: 1_23_456_00,
  quantity: 2469.5,
  costPaise: 1_00_000_00,
  costedRevenuePaise: 1_23_456_00,
  uncostedLines: 0,
};

function params(text: ReplyText, index: number): Record<string, unknown> {
  const lines = text.params?.lines as ReplyText[];
  return lines[index]?.params ?? {};
}

describe('report reply', () => {
  it('labels ranges in the shopkeeper’s script', () => {
    expect(rangeLabel({ from: '2026-11-17', to: '2026-11-23' }, 'en')).toBe('17–23 Nov');
    expect(rangeLabel({ from: '2026-10-28', to: '2026-11-03' }, 'hi-Latn')).toBe('28 Oct–3 Nov');
    expect(rangeLabel({ from: '2026-11-24', to: '2026-11-24' }, 'en')).toBe('24 Nov');
    expect(rangeLabel({ from: '2026-11-24', to: '2026-11-24' }, 'hi')).toBe('24 नव');
  });

  it('formats quantities with Indian grouping and no float noise', () => {
    expect(formatQuantity(2469.5)).toBe('2,469.5');
    expect(formatQuantity(123456)).toBe('1,23,456');
    expect(formatQuantity(0.25)).toBe('0.25');
  });

  it('gives the owner sales, change, profit, top products and the best seller in rupees', () => {
    const window = reportWindow('today', '2026-11-24');
    const report = buildSalesReport(window, {
      current: [milk],
      previous: [{ ...milk, revenuePaise: 1_00_000_00 }],
      days: [{ date: '2026-11-24', revenuePaise: milk.revenuePaise }],
      previousDays: [{ date: '2026-11-23', revenuePaise: 1_00_000_00 }],
    });
    const text = reportReply(report, { lang: 'hi-Latn', showProfit: true });
    expect(text.key).toBe('report:summary');
    expect(params(text, 0)).toMatchObject({
      sales: '₹1,23,456',
      units: { key: 'report:quantity', params: { quantity: '2,469.5', unit: { key: 'report:unit.litre' } } },
      change: {
        key: 'report:change_up',
        params: { percent: 23, previous: { key: 'report:previous.today' } },
      },
      profit: { key: 'report:profit', params: { profit: '₹23,456' } },
    });
    // A day's best seller is the first top product with its quantity, not a line of its own.
    expect(params(text, 1)).toEqual({
      items: {
        key: 'report:top_first',
        params: {
          product: 'Doodh',
          amount: '₹1,23,456',
          quantity: {
            key: 'report:quantity',
            params: { quantity: '2,469.5', unit: { key: 'report:unit.litre' } },
          },
        },
      },
    });
    expect(text.params?.lines).toHaveLength(2);
  });

  it('counts quantities per unit, never adding kilos to packets', () => {
    const maggi: ProductTotals = {
      ...milk,
      product: { catalogId: 'maggi', names: { en: 'Maggi', hi: 'मैगी', 'hi-Latn': 'Maggi' }, unit: 'packet' },
      quantity: 24,
    };
    const sugar: ProductTotals = {
      ...milk,
      product: { catalogId: 'sugar', names: { en: 'Sugar', hi: 'चीनी', 'hi-Latn': 'Cheeni' }, unit: 'kg' },
      quantity: 2,
    };
    const report = buildSalesReport(reportWindow('today', '2026-11-24'), {
      current: [sugar, maggi],
      previous: [],
      days: [],
      previousDays: [],
    });
    expect(report.quantities).toEqual([
      { unit: 'packet', quantity: 24 },
      { unit: 'kg', quantity: 2 },
    ]);
    expect(params(reportReply(report, { lang: 'en', showProfit: true }), 0).units).toEqual({
      key: 'report:join_comma',
      params: {
        first: { key: 'report:quantity', params: { quantity: '24', unit: { key: 'report:unit.packet' } } },
        rest: { key: 'report:quantity', params: { quantity: '2', unit: { key: 'report:unit.kg' } } },
      },
    });
  });

  it('never shows profit to staff', () => {
    const report = buildSalesReport(reportWindow('today', '2026-11-24'), {
      current: [milk],
      previous: [],
      days: [],
      previousDays: [],
    });
    const text = reportReply(report, { lang: 'en', showProfit: false });
    expect(params(text, 0).profit).toBe('');
    expect(params(text, 0).change).toBe('');
  });

  it('names the best day of a week with its weekday', () => {
    const window = reportWindow('week', '2026-11-24');
    const report = buildSalesReport(window, {
      current: [milk],
      previous: [],
      days: [{ date: '2026-11-23', revenuePaise: milk.revenuePaise }],
      previousDays: [],
    });
    expect(params(reportReply(report, { lang: 'en', showProfit: true }), 2)).toEqual({
      weekday: { key: 'report:weekday.1' },
      date: '23 Nov',
      amount: '₹1,23,456',
    });
  });

  it('says nothing was recorded, with the next step, when the period is empty', () => {
    const report = buildSalesReport(reportWindow('yesterday', '2026-11-24'), {
      current: [],
      previous: [],
      days: [],
      previousDays: [],
    });
    expect(reportReply(report, { lang: 'en', showProfit: true })).toEqual({
      key: 'report:empty',
      params: { period: { key: 'report:period.yesterday', params: { range: '23 Nov' } } },
    });
  });
});
