import type { MiddlewareHandler } from 'hono';
import { sameSecret } from './secret-compare.js';

// Operator pages (WhatsApp QR and status) need ADMIN_TOKEN as a bearer token. With no token configured
// they are closed, not open.

export function requireAdminToken(adminToken: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!adminToken)
      return c.json({ error: 'ADMIN_TOKEN is not configured; operator pages are disabled' }, 403);
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1] || !sameSecret(match[1].trim(), adminToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'admin token required' }, 401);
    }
    await next();
  };
}
