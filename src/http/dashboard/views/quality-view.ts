import { html } from 'hono/html';
import type { ModelVersionRow } from '../../../adapters/postgres/repositories/dashboard-queries.js';
import { formatTimestamp, type PageContext } from '../page-context.js';
import { layout } from './layout.js';

// Every trained model version with its backtest figures side by side, like an experiment tracker. The
// training jobs decide what a backtest holds; numbers at its top level become columns, per-model score
// lists become a small table, and the whole record stays one click away.

const MAX_COLUMNS = 6;

/**
 * The figures a version is compared by: numbers at the top of its backtest, and from a per-model score
 * list the best entry's numbers (lowest first figure, an error such as RMSSE) with that model's name.
 */
export function backtestSummary(backtest: Record<string, unknown> | null): Record<string, number | string> {
  const summary: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(backtest ?? {}))
    if (typeof value === 'number') summary[key] = value;
  const scores = Array.isArray(backtest?.scores) ? (backtest.scores as Array<Record<string, unknown>>) : [];
  const errorKey = Object.keys(scores[0] ?? {}).find((key) => typeof scores[0]?.[key] === 'number');
  if (errorKey) {
    const best = scores.reduce((min, score) =>
      Number(score[errorKey]) < Number(min[errorKey]) ? score : min,
    );
    for (const [key, value] of Object.entries(best)) {
      if (typeof value === 'number' || typeof value === 'string') summary[`best ${key}`] = value;
    }
  }
  return summary;
}

function metricColumns(summaries: ReadonlyArray<Record<string, number | string>>): string[] {
  const seen = new Set<string>();
  for (const summary of summaries) {
    for (const key of Object.keys(summary)) if (seen.size < MAX_COLUMNS) seen.add(key);
  }
  return [...seen];
}

function formatMetric(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return Math.abs(value) >= 100 ? String(Math.round(value)) : value.toFixed(3).replace(/\.?0+$/, '');
}

function scoreTable(backtest: Record<string, unknown>) {
  const scores = Array.isArray(backtest.scores) ? (backtest.scores as Array<Record<string, unknown>>) : [];
  if (scores.length === 0) return '';
  const keys = [...new Set(scores.flatMap((score) => Object.keys(score)))].slice(0, 5);
  return html`<table>
    <thead><tr>${keys.map((key) => html`<th>${key}</th>`)}</tr></thead>
    <tbody>
      ${scores.map(
        (score) =>
          html`<tr>${keys.map((key) => html`<td>${typeof score[key] === 'number' ? formatMetric(score[key]) : String(score[key] ?? '')}</td>`)}</tr>`,
      )}
    </tbody>
  </table>`;
}

export function qualityView(ctx: PageContext, versions: readonly ModelVersionRow[], timeZone: string) {
  const summaries = versions.map((version) => backtestSummary(version.backtest));
  const columns = metricColumns(summaries);
  return layout(ctx, {
    title: ctx.t('quality.title'),
    section: 'quality',
    body: html`<p class="sub">${ctx.t('quality.intro')}</p>
      ${versions.length === 0 ? html`<p class="notice">${ctx.t('quality.none')}</p>` : ''}
      ${
        versions.length === 0
          ? ''
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>${ctx.t('quality.model')}</th>
                    <th>${ctx.t('quality.trained')}</th>
                    <th class="num">${ctx.t('quality.rows')}</th>
                    ${columns.map((column) => html`<th class="num">${column}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${versions.map(
                    (version, index) => html`<tr data-model-version="${version.id}">
                      <td><strong>${version.modelKind}</strong> <span class="sub">${version.version}</span>
                        ${version.shopId === null ? html`<span class="sub">(${ctx.t('quality.shared')})</span>` : ''}
                        <details><summary class="sub">${ctx.t('quality.details')}</summary>
                          ${scoreTable(version.backtest ?? {})}
                          <pre class="sub" style="white-space:pre-wrap">${JSON.stringify({ backtest: version.backtest, params: version.params }, null, 1)}</pre>
                        </details></td>
                      <td>${formatTimestamp(version.trainedAt, ctx.lang, timeZone)}</td>
                      <td class="num">${version.trainingRows}</td>
                      ${columns.map((column) => html`<td class="num">${formatMetric(summaries[index]?.[column])}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }`,
  });
}
