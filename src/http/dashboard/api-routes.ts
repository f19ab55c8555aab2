import { Hono, type MiddlewareHandler } from 'hono';
import type { Pool } from '../../adapters/postgres/pool.js';
import {
  createDashboardQueries,
  type ProductSummaryRow,
} from '../../adapters/postgres/repositories/dashboard-queries.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import {
  addPart,
  importFor,
  MAX_PART_CHARS,
  runImport,
  startUpload,
} from '../../app/dashboard/csv-imports.js';
import { ledgerCsv } from '../../app/dashboard/ledger-export.js';
import { overviewData } from '../../app/dashboard/overview-data.js';
import { productPageFor } from '../../app/dashboard/product-data.js';
import { jsonError } from '../errors.js';
import { positiveId } from './route-params.js';
import { type DashboardEnv, requireViewer, viewerDb } from './session-cookie.js';

// JSON and CSV for the dashboard's scripts and for anyone scripting against their own shop. Every path
// names the shop; a session of another shop gets 403.

export interface ApiRoutesOptions {
  pool: Pool;
  queue: JobPublisher;
}

const ownShop: MiddlewareHandler<DashboardEnv> = async (c, next) => {
  if (positiveId(c.req.param('shopId')) !== c.get('viewer').shopId) {
    return jsonError(c, 403, 'this session belongs to another shop');
  }
  await next();
};

/** Staff see what sells and what is in stock, not what it cost. */
function visibleProduct(product: ProductSummaryRow, seesProfit: boolean): ProductSummaryRow {
  return seesProfit ? product : { ...product, costPaise: null };
}

export function createApiRoutes(options: ApiRoutesOptions): Hono<DashboardEnv> {
  const { pool, queue } = options;
  const app = new Hono<DashboardEnv>();
  const shop = '/dashboard/api/shops/:shopId';
  app.use(`${shop}/*`, requireViewer(pool, 'api'), ownShop);

  app.get(`${shop}/overview`, async (c) => c.json(await overviewData(viewerDb(pool, c), c.get('viewer'))));

  app.get(`${shop}/products`, async (c) => {
    const viewer = c.get('viewer');
    const products = await createDashboardQueries(viewerDb(pool, c)).products(viewer.shopId, viewer.today);
    return c.json({ products: products.map((product) => visibleProduct(product, viewer.seesProfit)) });
  });

  app.get(`${shop}/products/:productId`, async (c) => {
    const viewer = c.get('viewer');
    const access = await productPageFor(viewerDb(pool, c), viewer, positiveId(c.req.param('productId')));
    if (!access.ok)
      return jsonError(
        c,
        access.status,
        access.status === 403 ? 'this product belongs to another shop' : 'no such product',
      );
    const { data } = access;
    return c.json({ ...data, product: visibleProduct(data.product, viewer.seesProfit) });
  });

  app.get(`${shop}/ledger.csv`, async (c) => {
    const viewer = c.get('viewer');
    return c.body(await ledgerCsv(viewerDb(pool, c), viewer), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="ledger-${viewer.today}.csv"`,
    });
  });

  app.post(`${shop}/imports`, async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { fileName?: unknown };
    const id = await startUpload(
      pool,
      c.get('viewer'),
      typeof body.fileName === 'string' ? body.fileName : '',
    );
    return c.json({ id, partChars: MAX_PART_CHARS }, 201);
  });

  app.post(`${shop}/imports/:importId/parts/:part`, async (c) => {
    const access = await importFor(pool, c.get('viewer'), positiveId(c.req.param('importId')) ?? 0);
    if (!access.ok) return jsonError(c, access.status, 'no such import of this shop');
    const part = Number(c.req.param('part'));
    if (!Number.isSafeInteger(part) || part < 0) return jsonError(c, 400, 'part must be 0 or more');
    const appended = await addPart(pool, access.row, part, await c.req.text());
    if (!appended) return jsonError(c, 409, 'part out of order, too large, or the import already started');
    return c.json({ part });
  });

  app.post(`${shop}/imports/:importId/run`, async (c) => {
    const viewer = c.get('viewer');
    const access = await importFor(pool, viewer, positiveId(c.req.param('importId')) ?? 0);
    if (!access.ok) return jsonError(c, access.status, 'no such import of this shop');
    if (!(await runImport(pool, queue, access.row))) return jsonError(c, 409, 'import already started');
    return c.json({ id: access.row.id, status: 'running' }, 202);
  });

  app.get(`${shop}/imports/:importId`, async (c) => {
    const access = await importFor(pool, c.get('viewer'), positiveId(c.req.param('importId')) ?? 0);
    if (!access.ok) return jsonError(c, access.status, 'no such import of this shop');
    const { id, status, doneRows, totalRows, result, fileName } = access.row;
    return c.json({ id, fileName, status, doneRows, totalRows, result });
  });

  return app;
}
