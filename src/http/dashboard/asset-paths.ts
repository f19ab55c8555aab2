// Where the dashboard's static files are served. The version segment changes with releases so browsers
// can keep them for a day without ever running a stale mix.

const BASE = '/dashboard/assets';

export const ASSET_PATHS = {
  base: BASE,
  css: `${BASE}/dashboard.css`,
  echarts: `${BASE}/echarts.min.js`,
  fontRegular: `${BASE}/fonts/noto-sans-devanagari-400.ttf`,
  fontBold: `${BASE}/fonts/noto-sans-devanagari-700.ttf`,
  charts: `${BASE}/js/charts.js`,
  importer: `${BASE}/js/importer.js`,
  chat: `${BASE}/js/chat.js`,
  /** Browser-safe modules of the app itself (chart option builders), under their source paths. */
  modules: `${BASE}/m`,
} as const;
