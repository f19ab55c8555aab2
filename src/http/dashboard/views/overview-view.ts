import { html } from 'hono/html';
import { wholeRupees } from '../../../adapters/charts/chart-labels.js';
import type { SalesChartInput } from '../../../adapters/charts/sales-chart-option.js';
import type { OverviewData, PeriodFigures } from '../../../app/dashboard/overview-data.js';
import { formatDay, formatPercent, formatQuantity, type PageContext } from '../page-context.js';
import { layout } from './layout.js';

function change(ctx: PageContext, figures: PeriodFigures) {
  if (figures.changePercent === undefined)
    return html`<span class="sub">${ctx.t('overview.no_comparison')}</span>`;
  const tone = figures.changePercent > 0 ? 'up' : figures.changePercent < 0 ? 'down' : '';
  return html`<span class="${tone}" data-change="${figures.changePercent}">${formatPercent(figures.changePercent)}</span>
    <span class="sub">${ctx.t(`overview.vs.${figures.period}`, { amount: wholeRupees(figures.previousRevenuePaise) })}</span>`;
}

function periodCard(ctx: PageContext, figures: PeriodFigures) {
  const range =
    figures.from === figures.to
      ? formatDay(figures.to, ctx.lang)
      : `${formatDay(figures.from, ctx.lang)} – ${formatDay(figures.to, ctx.lang)}`;
  const profit =
    figures.profitPaise === undefined
      ? ''
      : html`<div class="row" data-figure="profit">
          <span>${ctx.t('overview.profit')}${figures.profitComplete ? '' : '*'}</span>
          <strong>${wholeRupees(figures.profitPaise)}</strong>
        </div>`;
  return html`<section class="card" data-period="${figures.period}">
    <h2>${ctx.t(`overview.period.${figures.period}`)} · ${range}</h2>
    <div class="figure" data-figure="revenue">${wholeRupees(figures.revenuePaise)}</div>
    <div>${change(ctx, figures)}</div>
    ${profit}
    <div class="row" data-figure="units">
      <span>${ctx.t('overview.units')}</span><strong>${formatQuantity(figures.units)}</strong>
    </div>
  </section>`;
}

export function overviewView(ctx: PageContext, data: OverviewData) {
  const chart: SalesChartInput = {
    days: data.trend.map((day) => ({ date: day.date, revenuePaise: day.revenuePaise })),
    title: ctx.t('overview.trend_title'),
    lang: ctx.lang,
  };
  const incomplete = data.periods.some((figures) => figures.profitComplete === false);
  return layout(ctx, {
    title: ctx.t('overview.title'),
    section: 'overview',
    charts: true,
    body: html`<div class="cards">${data.periods.map((figures) => periodCard(ctx, figures))}</div>
      ${incomplete ? html`<p class="sub">* ${ctx.t('overview.profit_incomplete')}</p>` : ''}
      <h2>${ctx.t('overview.trend_heading')}</h2>
      <div class="card">
        <div class="chart" data-chart="sales" data-input="${JSON.stringify(chart)}" role="img"
          aria-label="${ctx.t('overview.trend_title')}"></div>
      </div>`,
  });
}
