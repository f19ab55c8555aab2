import type { ChartRequest } from '../../../adapters/charts/chart-renderer.js';
import { createReportsRepository } from '../../../adapters/postgres/repositories/reports.js';
import { reportWindow } from '../../../core/reports/report-period.js';
import { chartTitle, reportReply } from '../../../core/reports/report-reply.js';
import { buildSalesReport } from '../../../core/reports/sales-report.js';
import { renderReply } from '../render.js';
import type { IntentHandler } from '../types.js';

// ask_report: "aaj ki bikri", "weekly report", "इस महीने का हिसाब". Figures come from two SQL aggregates;
// the weekly and monthly reports are followed by a bar chart of daily sales where the channel can send
// images: a message of its own, captioned with its title, that the outbound job draws once this message's
// transaction has committed (the text does not wait for the chart).

export const askReport: IntentHandler = async (ctx) => {
  const window = reportWindow(ctx.parsed.period ?? 'today', ctx.today);
  const totals = await createReportsRepository(ctx.db).totals(ctx.shop.id, window.current, window.previous);
  const report = buildSalesReport(window, totals);
  const body = reportReply(report, { lang: ctx.lang, showProfit: ctx.member.role === 'owner' });
  const wantsChart =
    ctx.canSendImages && (window.period === 'week' || window.period === 'month') && report.revenuePaise > 0;
  if (!wantsChart) return { replies: [{ ...body }] };
  const title = chartTitle(report, ctx.lang);
  const chart: ChartRequest = {
    kind: 'sales',
    input: {
      days: report.days,
      title: renderReply(ctx.translator, ctx.lang, title),
      lang: ctx.lang === 'hi' ? 'hi' : 'en',
    },
  };
  return { replies: [{ ...body }, { ...title, chart }] };
};
