import { html } from 'hono/html';
import type { ForecastChartInput } from '../../../adapters/charts/forecast-chart-option.js';
import type { ProductPageData } from '../../../app/dashboard/product-data.js';
import { formatRupees } from '../../../core/money.js';
import { formatQuantity, type PageContext, productName, unitName } from '../page-context.js';
import { forecastLine, priceLine, restockLine } from './advice-lines.js';
import { layout } from './layout.js';

export function productView(ctx: PageContext, data: ProductPageData) {
  const { product, cover, restock } = data;
  const name = productName(product.names, ctx.lang);
  const chart: ForecastChartInput = {
    history: data.history,
    forecast: data.forecast,
    festivals: data.festivals.map((festival) => ({
      date: festival.date,
      name: productName(festival.names, ctx.lang),
    })),
    title: ctx.t('product.chart_title'),
    lang: ctx.lang,
  };
  const coverDays =
    cover.daysOfCover === null ? '–' : ctx.t('products.days', { count: Math.floor(cover.daysOfCover) });
  const coverText =
    product.stock <= 0 && product.onOrder <= 0
      ? ctx.t('product.out_of_stock')
      : ctx.t('product.cover', { days: coverDays });
  const unit = unitName(ctx, product.unit);
  const price = priceLine(ctx, data);
  return layout(ctx, {
    title: name,
    section: 'products',
    charts: true,
    body: html`<div class="card">
        <div class="chart" data-chart="forecast" data-input="${JSON.stringify(chart)}" role="img"
          aria-label="${chart.title}"></div>
        <p class="sub" data-explanation>${forecastLine(ctx, data)}</p>
        ${data.forecast.length === 0 ? html`<p class="sub" data-no-forecast>${ctx.t('product.no_stored_forecast')}</p>` : ''}
      </div>
      <div class="cards">
        <section class="card" data-card="stock">
          <h2>${ctx.t('product.stock')}</h2>
          <div class="figure">${formatQuantity(product.stock)} <span class="sub">${unit}</span></div>
          <div class="${cover.isLow ? 'warn' : 'sub'}">${coverText}</div>
          ${product.onOrder > 0 ? html`<div class="sub">${ctx.t('product.on_order', { units: formatQuantity(product.onOrder) })}</div>` : ''}
        </section>
        <section class="card" data-card="restock">
          <h2>${ctx.t('product.suggested_order')}</h2>
          <div class="figure">${formatQuantity(restock.orderUnits)} <span class="sub">${unit}</span></div>
          <p class="sub">${restockLine(ctx, restock, product.unit)}</p>
        </section>
        <section class="card" data-card="price">
          <h2>${ctx.t('product.suggested_price')}</h2>
          <div class="figure">${formatRupees(data.price?.pricePaise ?? product.pricePaise)}</div>
          <p class="sub">${price ?? ctx.t(ctx.viewer?.seesProfit === false ? 'product.price.owner_only' : 'product.price.unavailable')}</p>
        </section>
      </div>
      <p class="sub"><a href="/dashboard/products">← ${ctx.t('products.title')}</a></p>`,
  });
}
