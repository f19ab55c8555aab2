import { html } from 'hono/html';
import type { AlertRow } from '../../../adapters/postgres/repositories/dashboard-queries.js';
import { festivalById } from '../../../core/festivals/index.js';
import { formatTimestamp, type PageContext, productName } from '../page-context.js';
import { layout } from './layout.js';

function subject(ctx: PageContext, alert: AlertRow): string {
  if (alert.productNames) return productName(alert.productNames, ctx.lang);
  if (alert.festivalId) {
    const names = festivalById(alert.festivalId)?.names;
    return names ? (ctx.lang === 'hi' ? names.hi : names.en) : alert.festivalId;
  }
  return '';
}

export function alertsView(ctx: PageContext, alerts: readonly AlertRow[], timeZone: string) {
  return layout(ctx, {
    title: ctx.t('alerts.title'),
    section: 'alerts',
    body: html`${alerts.length === 0 ? html`<p class="notice">${ctx.t('alerts.none')}</p>` : ''}
      <ul class="list">
        ${alerts.map(
          (alert) => html`<li data-alert="${alert.kind}">
            <div class="row">
              <strong>${ctx.t(`alerts.kind.${alert.kind}`, { defaultValue: alert.kind })} ${subject(ctx, alert)}</strong>
              <span class="sub">${formatTimestamp(alert.createdAt, ctx.lang, timeZone)}
                ${alert.status ? `· ${ctx.t(`alerts.status.${alert.status}`, { defaultValue: alert.status })}` : ''}</span>
            </div>
            ${alert.body ? html`<div class="bubble out" style="max-width:100%;margin-top:4px">${alert.body}</div>` : ''}
          </li>`,
        )}
      </ul>`,
  });
}
