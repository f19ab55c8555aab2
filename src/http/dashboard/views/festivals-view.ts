import { html } from 'hono/html';
import type { FestivalEntry } from '../../../app/dashboard/festival-data.js';
import { formatDay, formatQuantity, type PageContext, productName, unitName } from '../page-context.js';
import { layout } from './layout.js';

function restockTable(ctx: PageContext, festival: FestivalEntry) {
  if (festival.items.length === 0) return html`<p class="sub">${ctx.t('festivals.nothing_to_order')}</p>`;
  return html`<div class="table-wrap">
    <table>
      <thead>
        <tr>
          <th>${ctx.t('products.name')}</th>
          <th class="num">${ctx.t('festivals.expected')}</th>
          <th class="num">${ctx.t('festivals.order')}</th>
          <th class="num">${ctx.t('festivals.order_by')}</th>
        </tr>
      </thead>
      <tbody>
        ${festival.items.map(
          (item) => html`<tr data-restock="${item.productId}">
            <td style="white-space:nowrap"><a href="/dashboard/products/${item.productId}">${productName(item.names, ctx.lang)}</a>${item.estimated ? ' *' : ''}</td>
            <td class="num">${formatQuantity(Math.round(item.advice.windowDemand.mean))} <span class="sub">${unitName(ctx, item.unit)}</span></td>
            <td class="num"><strong>${formatQuantity(item.advice.orderUnits)}</strong>
              <span class="sub">(${ctx.t('festivals.packs', { count: item.advice.packs })})</span></td>
            <td class="num ${item.advice.late ? 'warn' : ''}">${formatDay(item.advice.orderByDate, ctx.lang)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function festivalsView(ctx: PageContext, festivals: readonly FestivalEntry[]) {
  const estimated = festivals.some((festival) => festival.items.some((item) => item.estimated));
  return layout(ctx, {
    title: ctx.t('festivals.title'),
    section: 'festivals',
    body: html`${festivals.length === 0 ? html`<p class="notice">${ctx.t('festivals.none')}</p>` : ''}
      ${festivals.map(
        (festival) => html`<section class="card" data-festival="${festival.id}" style="margin-bottom:12px">
          <div class="row">
            <h2 style="margin:0;color:inherit;font-weight:700">${productName(festival.names, ctx.lang)}</h2>
            <span>${formatDay(festival.date, ctx.lang, true)} ·
              ${festival.daysAway === 0 ? ctx.t('festivals.today') : ctx.t('festivals.in_days', { count: festival.daysAway })}</span>
          </div>
          <p class="sub">${ctx.t('festivals.window', { date: formatDay(festival.windowStart, ctx.lang) })}</p>
          ${restockTable(ctx, festival)}
        </section>`,
      )}
      ${estimated ? html`<p class="sub">* ${ctx.t('festivals.estimated')}</p>` : ''}`,
  });
}
