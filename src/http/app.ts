import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { handleAppError, jsonError, MAX_BODY_BYTES } from './errors.js';

export interface HttpAppOptions {
  /** Route groups mounted at the root, in order (health, metrics, simulator, webhooks, dashboard...). */
  routes: Hono[];
  maxBodyBytes?: number;
}

export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? MAX_BODY_BYTES,
      onError: (c) => jsonError(c, 413, `body larger than ${options.maxBodyBytes ?? MAX_BODY_BYTES} bytes`),
    }),
  );
  for (const routes of options.routes) app.route('/', routes);
  app.notFound((c) => jsonError(c, 404, 'not found'));
  app.onError(handleAppError);
  return app;
}
