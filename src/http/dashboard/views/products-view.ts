import { html } from 'hono/html';
import type { ProductSummaryRow } from '../../../adapters/postgres/repositories/dashboard-queries.js';
import { daysOfCover } from '../../../core/inventory/index.js';
import { formatRupees } from '../../../core/money.js';
import { formatQuantity, type PageContext, productName, unitName } from '../page-context.js';
import { layout } from './layout.js';

// All products, best sellers first. Items that sold nothing in four weeks are folded away unless asked
// for: a default catalog has 168 of them and a phone screen has room for a few.

function coverText(ctx: PageContext, product: ProductSummaryRow): string {
  const daily = product.forecast7 !== null ? product.forecast7 / 7 : product.units28 / 28;
  const cover = daysOfCover(Math.max(0, product.stock) + Math.max(0, product.onOrder), [daily]);
  return cover === null ? '–' : ctx.t('products.days', { count: Math.floor(cover) });
}

export function productsView(ctx: PageContext, products: readonly ProductSummaryRow[], showAll: boolean) {
  const selling = products.filter((product) => product.units28 > 0);
  const shown = showAll ? products : selling;
  const rows = shown.map(
    (product) => html`<tr data-product="${product.catalogId}">
      <td><a href="/dashboard/products/${product.id}">${productName(product.names, ctx.lang)}</a></td>
      <td class="num">${formatQuantity(product.units28 / 4)} <span class="sub">${unitName(ctx, product.unit)}</span></td>
      <td class="num hide-narrow">${formatRupees(product.revenue28Paise)}</td>
      <td class="num">${formatQuantity(product.stock)}</td>
      <td class="num">${coverText(ctx, product)}</td>
    </tr>`,
  );
  const toggle =
    products.length > selling.length
      ? html`<p>
          <a href="/dashboard/products${showAll ? '' : '?all=1'}"
            >${showAll ? ctx.t('products.only_selling') : ctx.t('products.show_all', { count: products.length })}</a
          >
        </p>`
      : '';
  return layout(ctx, {
    title: ctx.t('products.title'),
    section: 'products',
    body: html`${shown.length === 0 ? html`<p class="notice">${ctx.t('products.none_selling')}</p>` : ''}
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>${ctx.t('products.name')}</th>
              <th class="num">${ctx.t('products.per_week')}</th>
              <th class="num hide-narrow">${ctx.t('products.revenue_28')}</th>
              <th class="num">${ctx.t('products.stock')}</th>
              <th class="num">${ctx.t('products.cover')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
      ${toggle}`,
  });
}
