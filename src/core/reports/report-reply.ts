import { shortDate } from '../conversation/calendar-words.js';
import type { ReplyText } from '../conversation/reply.js';
import { productName as shopProductName } from '../conversation/shop-product.js';
import { formatRupees, groupIndian } from '../money.js';
import type { Lang } from '../parse/types.js';
import type { DayRange } from './report-period.js';
import type { ProductLine, SalesReport } from './sales-report.js';

// A sales report as i18next keys (namespace "report"). Figures are formatted here, in Indian grouping, so
// every register shows the same numbers; the words around them come from locales/<lang>/report.json.
// Amounts are whole rupees: a summary of thousands of sales has no use for paise.

export interface ReportReplyOptions {
  lang: Lang;
  /** Staff see sales, never profit. */
  showProfit: boolean;
}

function rupees(paise: number): string {
  return formatRupees(Math.round(paise / 100) * 100);
}

/** '24 Nov', '17–23 Nov', '28 Oct–3 Nov'. */
export function rangeLabel(range: DayRange, lang: Lang): string {
  if (range.from === range.to) return shortDate(range.from, lang);
  const sameMonth = range.from.slice(0, 7) === range.to.slice(0, 7);
  const from = sameMonth ? String(Number(range.from.slice(8, 10))) : shortDate(range.from, lang);
  return `${from}–${shortDate(range.to, lang)}`;
}

/** 1234.5 -> '1,234.5': quantities keep up to three decimals (kg, litre), grouped the Indian way. */
export function formatQuantity(value: number): string {
  const whole = Math.trunc(value);
  const fraction = Math.round((Math.abs(value) - Math.abs(whole)) * 1000);
  if (fraction === 0) return groupIndian(whole);
  return `${groupIndian(whole)}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

export function productName(line: ProductLine, lang: Lang): string {
  return shopProductName(line.product.names, lang);
}

function weekday(date: string): ReplyText {
  return { key: `report:weekday.${new Date(`${date}T00:00:00Z`).getUTCDay()}` };
}

function changeFragment(report: SalesReport): ReplyText | string {
  if (report.changePercent === undefined) return '';
  const previous = { key: `report:previous.${report.window.period}` };
  if (report.changePercent === 0) return { key: 'report:change_flat', params: { previous } };
  const key = report.changePercent > 0 ? 'report:change_up' : 'report:change_down';
  return { key, params: { percent: Math.abs(report.changePercent), previous } };
}

function profitFragment(report: SalesReport, showProfit: boolean): ReplyText | string {
  if (!showProfit || !report.profit) return '';
  const key = report.profit.complete ? 'report:profit' : 'report:profit_partial';
  return { key, params: { profit: rupees(report.profit.paise) } };
}

function periodLabel(report: SalesReport, lang: Lang): ReplyText {
  return {
    key: `report:period.${report.window.period}`,
    params: { range: rangeLabel(report.window.current, lang) },
  };
}

function bestDayLine(report: SalesReport, lang: Lang): ReplyText | undefined {
  if (!report.bestDay) return undefined;
  return {
    key: 'report:best_day',
    params: {
      weekday: weekday(report.bestDay.date),
      date: shortDate(report.bestDay.date, lang),
      amount: rupees(report.bestDay.revenuePaise),
    },
  };
}

function quantityWords(quantity: number, unit: string): ReplyText {
  return {
    key: 'report:quantity',
    params: { quantity: formatQuantity(quantity), unit: { key: `report:unit.${unit}` } },
  };
}

/** Pieces joined by a locale's separator, so every piece can itself be translated. */
function joined(
  key: 'report:join_dot' | 'report:join_comma',
  items: readonly (ReplyText | string)[],
): ReplyText | string {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  return rest.length === 0 ? first : { key, params: { first, rest: joined(key, rest) } };
}

/**
 * The top products by sales. A day's report has no best day, so its best seller is the first of these
 * with how many sold, on the same line: a separate best-seller line named the same product twice.
 */
function topItems(report: SalesReport, lang: Lang): ReplyText | string {
  return joined(
    'report:join_dot',
    report.top.map((line, index) => {
      const params = { product: productName(line, lang), amount: rupees(line.revenuePaise) };
      return index === 0 && !report.bestDay
        ? {
            key: 'report:top_first',
            params: { ...params, quantity: quantityWords(line.quantity, line.product.unit) },
          }
        : { key: 'report:top_item', params };
    }),
  );
}

/** The report message; ends with the one next step when there is nothing to report. */
export function reportReply(report: SalesReport, options: ReportReplyOptions): ReplyText {
  const { lang } = options;
  const period = periodLabel(report, lang);
  if (report.revenuePaise === 0 && report.top.length === 0) {
    return { key: 'report:empty', params: { period } };
  }
  const lines: ReplyText[] = [
    {
      key: 'report:headline',
      params: {
        period,
        sales: rupees(report.revenuePaise),
        change: changeFragment(report),
        profit: profitFragment(report, options.showProfit),
        // Per unit ("24 packets, 2 kg"): one total over packets and kilos counted 2 kg as 2 items.
        units: joined(
          'report:join_comma',
          report.quantities.map((q) => quantityWords(q.quantity, q.unit)),
        ),
      },
    },
    { key: 'report:top', params: { items: topItems(report, lang) } },
  ];
  const best = bestDayLine(report, lang);
  if (best) lines.push(best);
  return { key: 'report:summary', params: { lines } };
}

/** The chart's title, e.g. 'This week (17–23 Nov)'. */
export function chartTitle(report: SalesReport, lang: Lang): ReplyText {
  return periodLabel(report, lang);
}
