import { Hono } from 'hono';
import { CLOUD_WEBHOOK_MAX_BYTES, CLOUD_WEBHOOK_PATH } from '../adapters/whatsapp/cloud/webhook-routes.js';
import { limitBodyTo } from './body-limit.js';
import { handleAppError, jsonError, MAX_BODY_BYTES } from './errors.js';

export interface HttpAppOptions {
  /** Route groups mounted at the root, in order (health, metrics, simulator, webhooks, dashboard...). */
  routes: Hono[];
  maxBodyBytes?: number;
  /** Paths allowed a different cap than maxBodyBytes (exact path match). */
  bodyLimits?: Record<string, number>;
}

// Meta sends webhook batches of up to 3 MB and retries anything but a 200 for days, so a batch refused
// for its size would come back forever; every other route takes small JSON or form bodies.
const DEFAULT_BODY_LIMITS: Record<string, number> = { [CLOUD_WEBHOOK_PATH]: CLOUD_WEBHOOK_MAX_BYTES };

export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  const standard = limitBodyTo(options.maxBodyBytes ?? MAX_BODY_BYTES);
  const byPath = new Map(
    Object.entries(options.bodyLimits ?? DEFAULT_BODY_LIMITS).map(([path, bytes]) => [
      path,
      limitBodyTo(bytes),
    ]),
  );
  app.use('*', (c, next) => (byPath.get(c.req.path) ?? standard)(c, next));
  for (const routes of options.routes) app.route('/', routes);
  app.notFound((c) => jsonError(c, 404, 'not found'));
  app.onError(handleAppError);
  return app;
}
