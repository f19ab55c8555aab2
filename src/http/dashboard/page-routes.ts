import { Hono } from 'hono';
import type { Translator } from '../../adapters/i18n/translator.js';
import type { Pool } from '../../adapters/postgres/pool.js';
import { createDashboardQueries } from '../../adapters/postgres/repositories/dashboard-queries.js';
import { importFor } from '../../app/dashboard/csv-imports.js';
import { festivalsData } from '../../app/dashboard/festival-data.js';
import { overviewData } from '../../app/dashboard/overview-data.js';
import { productPageFor } from '../../app/dashboard/product-data.js';
import { jsonError } from '../errors.js';
import { pageContext } from './page-context.js';
import { positiveId } from './route-params.js';
import { type DashboardEnv, optionalViewer, requireViewer, viewerDb } from './session-cookie.js';
import { alertsView } from './views/alerts-view.js';
import { chatView } from './views/chat-view.js';
import { dataView } from './views/data-view.js';
import { festivalsView } from './views/festivals-view.js';
import { overviewView } from './views/overview-view.js';
import { productView } from './views/product-view.js';
import { productsView } from './views/products-view.js';
import { qualityView } from './views/quality-view.js';

// The dashboard's HTML pages. Each reads the viewer's own shop only; a product or import of another shop
// answers 403, not its data.

const LEDGER_ROWS = 50;

export interface PageRoutesOptions {
  pool: Pool;
  translator: Translator;
}

export function createPageRoutes(options: PageRoutesOptions): Hono<DashboardEnv> {
  const { pool, translator } = options;
  const app = new Hono<DashboardEnv>();

  // Public: anyone may try the bot in a browser.
  app.get('/dashboard/chat', async (c) =>
    c.html(chatView(pageContext(c, translator, await optionalViewer(pool, c)))),
  );

  // Applied per route rather than to '/dashboard/*', which would also catch login, assets and the API.
  const member = requireViewer(pool, 'page');

  app.get('/dashboard', member, async (c) => {
    const viewer = c.get('viewer');
    return c.html(
      overviewView(pageContext(c, translator, viewer), await overviewData(viewerDb(pool, c), viewer)),
    );
  });

  app.get('/dashboard/products', member, async (c) => {
    const viewer = c.get('viewer');
    const products = await createDashboardQueries(viewerDb(pool, c)).products(viewer.shopId, viewer.today);
    return c.html(productsView(pageContext(c, translator, viewer), products, c.req.query('all') === '1'));
  });

  app.get('/dashboard/products/:productId', member, async (c) => {
    const viewer = c.get('viewer');
    const access = await productPageFor(viewerDb(pool, c), viewer, positiveId(c.req.param('productId')));
    if (!access.ok)
      return jsonError(
        c,
        access.status,
        access.status === 403 ? 'this product belongs to another shop' : 'no such product',
      );
    const { data } = access;
    return c.html(productView(pageContext(c, translator, viewer), data));
  });

  app.get('/dashboard/festivals', member, async (c) => {
    const viewer = c.get('viewer');
    return c.html(
      festivalsView(pageContext(c, translator, viewer), await festivalsData(viewerDb(pool, c), viewer)),
    );
  });

  app.get('/dashboard/alerts', member, async (c) => {
    const viewer = c.get('viewer');
    const alerts = await createDashboardQueries(viewerDb(pool, c)).alerts(viewer.shopId);
    return c.html(alertsView(pageContext(c, translator, viewer), alerts, viewer.shop.timeZone));
  });

  app.get('/dashboard/quality', member, async (c) => {
    const viewer = c.get('viewer');
    const versions = await createDashboardQueries(viewerDb(pool, c)).modelVersions(viewer.shopId);
    return c.html(qualityView(pageContext(c, translator, viewer), versions, viewer.shop.timeZone));
  });

  app.get('/dashboard/data', member, async (c) => {
    const viewer = c.get('viewer');
    const importId = positiveId(c.req.query('import'));
    let finished: Parameters<typeof dataView>[1]['finished'];
    if (importId) {
      const access = await importFor(pool, viewer, importId);
      if (!access.ok)
        return jsonError(c, access.status, access.status === 403 ? 'another shop' : 'no such import');
      finished = access.row;
    }
    const entryId = typeof finished?.result?.entryId === 'number' ? finished.result.entryId : undefined;
    const ledger = await createDashboardQueries(viewerDb(pool, c)).ledgerSales(viewer.shopId, {
      limit: LEDGER_ROWS,
      ...(entryId !== undefined ? { entryId } : {}),
    });
    return c.html(
      dataView(pageContext(c, translator, viewer), {
        shopId: viewer.shopId,
        ledger,
        ...(finished ? { finished } : {}),
      }),
    );
  });

  return app;
}
