import { html } from 'hono/html';
import type { DashboardImportRow } from '../../../adapters/postgres/repositories/dashboard-data.js';
import type { LedgerSaleRow } from '../../../adapters/postgres/repositories/dashboard-queries.js';
import { MAX_PART_CHARS } from '../../../app/dashboard/csv-imports.js';
import { formatRupees } from '../../../core/money.js';
import { ASSET_PATHS } from '../asset-paths.js';
import { formatDay, formatQuantity, type PageContext, productName, unitName } from '../page-context.js';
import { layout } from './layout.js';

export interface DataViewInput {
  shopId: number;
  ledger: readonly LedgerSaleRow[];
  /** The import the page was opened for (after one finishes); the ledger then shows only its rows. */
  finished?: DashboardImportRow;
}

function importResult(ctx: PageContext, row: DashboardImportRow) {
  const result = row.result ?? {};
  if (row.status === 'failed') {
    return html`<p class="error" data-import-result="failed">${ctx.t('data.import_failed', { reason: String(result.error ?? '') })}</p>`;
  }
  const problems = Array.isArray(result.problems)
    ? (result.problems as Array<{ line: number; reason: string }>)
    : [];
  return html`<div class="notice" data-import-result="done">
    ${ctx.t('data.import_done', { inserted: result.inserted ?? 0, already: result.alreadyThere ?? 0, problems: result.problemCount ?? 0 })}
    ${problems.length > 0 ? html`<ul>${problems.map((problem) => html`<li>${ctx.t('data.line', { line: problem.line })}: ${problem.reason}</li>`)}</ul>` : ''}
  </div>`;
}

export function dataView(ctx: PageContext, input: DataViewInput) {
  const base = `/dashboard/api/shops/${input.shopId}`;
  return layout(ctx, {
    title: ctx.t('data.title'),
    section: 'data',
    scripts: [ASSET_PATHS.importer],
    body: html`<div class="cards two">
        <section class="card">
          <h2>${ctx.t('data.import_heading')}</h2>
          <p class="sub">${ctx.t('data.import_help')}</p>
          <form class="stack" data-importer data-start-url="${base}/imports" data-part-chars="${MAX_PART_CHARS}"
            data-uploading="${ctx.t('data.uploading')}" data-importing="${ctx.t('data.importing')}"
            data-failed="${ctx.t('data.failed')}">
            <input type="file" name="file" accept=".csv,text/csv" required />
            <button class="primary" type="submit">${ctx.t('data.import_button')}</button>
            <progress max="100" value="0" hidden></progress>
            <span class="sub" data-status></span>
          </form>
        </section>
        <section class="card">
          <h2>${ctx.t('data.export_heading')}</h2>
          <p class="sub">${ctx.t('data.export_help')}</p>
          <a class="primary" href="${base}/ledger.csv" download>${ctx.t('data.export_button')}</a>
        </section>
      </div>
      ${input.finished ? importResult(ctx, input.finished) : ''}
      <h2>${input.finished ? ctx.t('data.ledger_of_import') : ctx.t('data.ledger_heading')}</h2>
      <div class="table-wrap">
        <table data-ledger>
          <thead>
            <tr>
              <th>${ctx.t('data.date')}</th>
              <th>${ctx.t('products.name')}</th>
              <th class="num">${ctx.t('data.quantity')}</th>
              <th class="num">${ctx.t('data.amount')}</th>
              <th class="hide-narrow">${ctx.t('data.source')}</th>
            </tr>
          </thead>
          <tbody>
            ${input.ledger.map(
              (row) => html`<tr data-sale="${row.id}">
                <td class="date">${formatDay(row.date, ctx.lang, true)}</td>
                <td>${productName(row.productNames, ctx.lang)}</td>
                <td class="num">${formatQuantity(row.quantity)} <span class="sub">${unitName(ctx, row.unit)}</span></td>
                <td class="num">${formatRupees(row.amountPaise)}</td>
                <td class="hide-narrow sub">${row.entryKind ? ctx.t(`data.kind.${row.entryKind}`, { defaultValue: row.entryKind }) : ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  });
}
