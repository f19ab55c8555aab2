import { Hono } from 'hono';
import type { Translator } from '../../adapters/i18n/translator.js';
import type { Pool } from '../../adapters/postgres/pool.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import { createApiRoutes } from './api-routes.js';
import { createAssetRoutes } from './asset-routes.js';
import { createLoginRoutes } from './login-routes.js';
import { createPageRoutes } from './page-routes.js';
import { sameOriginWrites } from './session-cookie.js';

// The owner dashboard, mounted by createWebApp: login, pages, JSON/CSV API and static assets under
// /dashboard. Pages load scripts and styles only from the app itself.

export interface DashboardRoutesOptions {
  pool: Pool;
  queue: JobPublisher;
  translator: Translator;
  /** The configured WhatsApp channel, for login codes to numbers that never wrote to us. */
  defaultChannel: string;
  /** SESSION_SECRET: keys the digests of login codes. */
  secret?: string;
}

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // echarts sets style attributes on the SVG it draws.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'none'",
].join('; ');

export function createDashboardRoutes(options: DashboardRoutesOptions): Hono {
  const app = new Hono();
  app.use('/dashboard', securityHeaders);
  app.use('/dashboard/*', securityHeaders, sameOriginWrites);
  app.route('/', createAssetRoutes());
  app.route('/', createLoginRoutes(options));
  app.route('/', createApiRoutes({ pool: options.pool, queue: options.queue }) as unknown as Hono);
  app.route('/', createPageRoutes({ pool: options.pool, translator: options.translator }) as unknown as Hono);
  return app;
}

async function securityHeaders(c: Parameters<Parameters<Hono['use']>[1]>[0], next: () => Promise<void>) {
  await next();
  c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Frame-Options', 'DENY');
  if (!c.res.headers.get('cache-control')) c.header('Cache-Control', 'no-store');
}

/** The dashboard wired to a process's services (what createWebApp mounts). */
export function dashboardRoutesFor(services: {
  pool: Pool;
  queues: JobPublisher;
  translator: Translator;
  channel: { name: string };
  config: { SESSION_SECRET?: string | undefined };
}): Hono {
  return createDashboardRoutes({
    pool: services.pool,
    queue: services.queues,
    translator: services.translator,
    defaultChannel: services.channel.name,
    ...(services.config.SESSION_SECRET ? { secret: services.config.SESSION_SECRET } : {}),
  });
}
