import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { jsonError } from '../errors.js';
import { ASSET_PATHS } from './asset-paths.js';
import { chartModule } from './chart-modules.js';
import { CHARTS_SCRIPT } from './client/charts-script.js';
import { CHAT_SCRIPT } from './client/chat-script.js';
import { DASHBOARD_CSS } from './client/dashboard-css.js';
import { IMPORTER_SCRIPT } from './client/importer-script.js';

// Static files of the dashboard, all from the app and its node_modules: there is no CDN at run time.

const require = createRequire(import.meta.url);
const CACHE = 'public, max-age=86400';
const JS = 'text/javascript; charset=utf-8';

function packageFile(pkg: string, ...segments: string[]): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), ...segments);
}

const FILES: Record<string, { path: () => string; type: string }> = {
  [ASSET_PATHS.echarts]: { path: () => packageFile('echarts', 'dist', 'echarts.min.js'), type: JS },
  [ASSET_PATHS.fontRegular]: {
    path: () =>
      packageFile(
        '@expo-google-fonts/noto-sans-devanagari',
        '400Regular',
        'NotoSansDevanagari_400Regular.ttf',
      ),
    type: 'font/ttf',
  },
  [ASSET_PATHS.fontBold]: {
    path: () =>
      packageFile('@expo-google-fonts/noto-sans-devanagari', '700Bold', 'NotoSansDevanagari_700Bold.ttf'),
    type: 'font/ttf',
  },
};

const TEXTS: Record<string, { body: string; type: string }> = {
  [ASSET_PATHS.css]: { body: DASHBOARD_CSS, type: 'text/css; charset=utf-8' },
  [ASSET_PATHS.charts]: { body: CHARTS_SCRIPT, type: JS },
  [ASSET_PATHS.importer]: { body: IMPORTER_SCRIPT, type: JS },
  [ASSET_PATHS.chat]: { body: CHAT_SCRIPT, type: JS },
};

const fileCache = new Map<string, Promise<Buffer>>();

export function createAssetRoutes(): Hono {
  const app = new Hono();

  for (const [path, text] of Object.entries(TEXTS)) {
    app.get(path, (c) => c.body(text.body, 200, { 'content-type': text.type, 'cache-control': CACHE }));
  }

  for (const [path, file] of Object.entries(FILES)) {
    app.get(path, async (c) => {
      let loading = fileCache.get(path);
      if (!loading) {
        loading = readFile(file.path());
        fileCache.set(path, loading);
      }
      const body = await loading;
      return c.body(new Uint8Array(body), 200, { 'content-type': file.type, 'cache-control': CACHE });
    });
  }

  app.get(`${ASSET_PATHS.modules}/*`, async (c) => {
    const module = chartModule(c.req.path.slice(ASSET_PATHS.modules.length + 1));
    if (!module) return jsonError(c, 404, 'not found');
    return c.body(await module, 200, { 'content-type': JS, 'cache-control': CACHE });
  });

  return app;
}
