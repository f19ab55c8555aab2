import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ASSET_PATHS } from '../asset-paths.js';
import type { PageContext } from '../page-context.js';

// The page shell: header with the shop's name, the section tabs (a scrolling strip on a phone, a row on
// a desktop), the language switch, and the scripts. No inline script: the content security policy
// allows only the app's own files.

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const SECTIONS = ['overview', 'products', 'festivals', 'alerts', 'quality', 'data', 'chat'] as const;
export type Section = (typeof SECTIONS)[number];

const SECTION_PATHS: Record<Section, string> = {
  overview: '/dashboard',
  products: '/dashboard/products',
  festivals: '/dashboard/festivals',
  alerts: '/dashboard/alerts',
  quality: '/dashboard/quality',
  data: '/dashboard/data',
  chat: '/dashboard/chat',
};

export interface LayoutOptions {
  title: string;
  section?: Section;
  body: Html;
  /** Load echarts and the chart module (pages with charts). */
  charts?: boolean;
  scripts?: readonly string[];
}

function langSwitch(ctx: PageContext) {
  const other = ctx.lang === 'en' ? 'hi' : 'en';
  const href = `/dashboard/lang?to=${other}&back=${encodeURIComponent(ctx.path)}`;
  return html`<a class="lang" href="${href}" hreflang="${other}" data-lang-switch="${other}"
    >${other === 'hi' ? 'हिन्दी' : 'English'}</a
  >`;
}

function nav(ctx: PageContext, active: Section | undefined) {
  const signedIn = ctx.viewer !== undefined;
  const sections = signedIn ? SECTIONS : (['chat'] as const);
  return html`<nav class="tabs" aria-label="${ctx.t('nav.label')}">
    ${sections.map(
      (section) =>
        html`<a href="${SECTION_PATHS[section]}" ${section === active ? html`aria-current="page"` : ''}
          >${ctx.t(`nav.${section}`)}</a
        >`,
    )}
  </nav>`;
}

export function layout(ctx: PageContext, options: LayoutOptions) {
  const shopName = ctx.viewer?.shop.name ?? 'BillMitra';
  const scripts = [
    ...(options.charts ? [ASSET_PATHS.echarts, ASSET_PATHS.charts] : []),
    ...(options.scripts ?? []),
  ];
  return html`<!doctype html>
<html lang="${ctx.lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} · ${shopName}</title>
    <link rel="stylesheet" href="${ASSET_PATHS.css}" />
    ${scripts.map((src) =>
      src === ASSET_PATHS.echarts
        ? html`<script src="${src}" defer></script>`
        : html`<script type="module" src="${src}"></script>`,
    )}
  </head>
  <body>
    <header class="top">
      <a class="brand" href="/dashboard">${shopName}</a>
      <div class="top-actions">
        ${langSwitch(ctx)}
        ${
          ctx.viewer
            ? html`<form method="post" action="/dashboard/logout"><button class="link">${ctx.t('nav.logout')}</button></form>`
            : html`<a href="/dashboard/login">${ctx.t('nav.login')}</a>`
        }
      </div>
    </header>
    ${nav(ctx, options.section)}
    <main>
      <h1>${options.title}</h1>
      ${options.body}
    </main>
  </body>
</html>`;
}
