import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Pool, Queryable } from '../../adapters/postgres/pool.js';
import { shopQueryable } from '../../adapters/postgres/tenant-scope.js';
import { type Viewer, viewerForToken } from '../../app/dashboard/sessions.js';
import { jsonError } from '../errors.js';

// The session cookie: HttpOnly (no script can read it), SameSite=Lax (other sites' forms cannot post with
// it), Secure when the request came over https (directly or through a proxy that says so), and expiring
// with the session row it points at.

export const SESSION_COOKIE = 'bm_session';

export type DashboardEnv = { Variables: { viewer: Viewer; sessionToken: string } };

function overHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: overHttps(c),
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overHttps(c) });
}

/** Resolves the viewer when there is a live session; `mode` says what to do when there is none. */
export function requireViewer(pool: Pool, mode: 'page' | 'api'): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const viewer = token ? await viewerForToken(pool, token, new Date()) : undefined;
    if (!viewer || !token) {
      if (mode === 'api') return jsonError(c, 401, 'log in first');
      const back = new URL(c.req.url);
      return c.redirect(`/dashboard/login?next=${encodeURIComponent(back.pathname + back.search)}`, 303);
    }
    c.set('viewer', viewer);
    c.set('sessionToken', token);
    await next();
  };
}

/** Queries for a request past requireViewer: each runs for the session's shop (row-level security). */
export function viewerDb(pool: Pool, c: Context<DashboardEnv>): Queryable {
  return shopQueryable(pool, c.get('viewer').shopId);
}

/** The viewer when logged in, without requiring it (public pages show more to members). */
export async function optionalViewer(pool: Pool, c: Context): Promise<Viewer | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? viewerForToken(pool, token, new Date()) : undefined;
}

/**
 * Cross-site form posts are already kept out by SameSite=Lax; refusing a foreign Origin on writes also
 * covers browsers that ignore it.
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    const origin = c.req.header('origin');
    if (
      origin &&
      origin !== 'null' &&
      new URL(origin).host !== (c.req.header('host') ?? new URL(c.req.url).host)
    ) {
      return jsonError(c, 403, 'cross-site request refused');
    }
  }
  await next();
};

/** Safe place to go after login or a language switch: a dashboard path of this site, nothing else. */
export function safeBack(value: string | undefined): string {
  if (!value?.startsWith('/dashboard') || value.startsWith('//') || value.includes('\\')) return '/dashboard';
  return value;
}
