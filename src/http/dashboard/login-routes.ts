import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Translator } from '../../adapters/i18n/translator.js';
import type { Pool } from '../../adapters/postgres/pool.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import { requestLoginCode, verifyLoginCode } from '../../app/dashboard/login-codes.js';
import { endSession } from '../../app/dashboard/sessions.js';
import { E164 } from '../simulator-routes.js';
import { clientAddress } from './client-address.js';
import { LANG_COOKIE, pageContext } from './page-context.js';
import { clearSessionCookie, SESSION_COOKIE, safeBack, setSessionCookie } from './session-cookie.js';
import { loginView } from './views/login-view.js';

// Login with a code sent on WhatsApp, logout, and the language switch. Plain HTML forms: they work on
// any phone browser, with or without scripts.

export interface LoginRoutesOptions {
  pool: Pool;
  queue: JobPublisher;
  translator: Translator;
  defaultChannel: string;
  secret?: string;
}

/** '+91 98765 43210', '98765-43210' and '919876543210' all mean +919876543210. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s\-()]/g, '');
  const e164 = digits.startsWith('+') ? digits : digits.length === 10 ? `+91${digits}` : `+${digits}`;
  return E164.test(e164) ? e164 : undefined;
}

export function createLoginRoutes(options: LoginRoutesOptions): Hono {
  const app = new Hono();
  const deps = {
    pool: options.pool,
    queue: options.queue,
    translator: options.translator,
    defaultChannel: options.defaultChannel,
    ...(options.secret ? { secret: options.secret } : {}),
  };
  const ctxOf = (c: Parameters<typeof pageContext>[0]) => pageContext(c, options.translator);

  app.get('/dashboard/login', (c) =>
    c.html(loginView(ctxOf(c), { step: 'phone', next: safeBack(c.req.query('next')) })),
  );

  app.post('/dashboard/login', async (c) => {
    const form = await c.req.parseBody();
    const next = safeBack(String(form.next ?? ''));
    const phone = normalisePhone(String(form.phone ?? ''));
    if (!phone) return c.html(loginView(ctxOf(c), { step: 'phone', next, message: 'bad-phone' }), 400);
    const result = await requestLoginCode(deps, { phone, ip: clientAddress(c) });
    if (result === 'rate-limited') {
      c.header('Retry-After', '600');
      return c.html(loginView(ctxOf(c), { step: 'phone', phone, next, message: 'rate-limited' }), 429);
    }
    return c.html(loginView(ctxOf(c), { step: 'code', phone, next, message: 'code-sent' }));
  });

  app.post('/dashboard/login/verify', async (c) => {
    const form = await c.req.parseBody();
    const next = safeBack(String(form.next ?? ''));
    const phone = normalisePhone(String(form.phone ?? ''));
    const code = String(form.code ?? '').trim();
    if (!phone) return c.html(loginView(ctxOf(c), { step: 'phone', next, message: 'bad-phone' }), 400);
    const result = /^\d{6}$/.test(code)
      ? await verifyLoginCode(deps, { phone, code, ip: clientAddress(c) })
      : ({ ok: false, reason: 'wrong' } as const);
    if (!result.ok) {
      const status = result.reason === 'rate-limited' ? 429 : 401;
      const step = result.reason === 'wrong' || result.reason === 'rate-limited' ? 'code' : 'phone';
      return c.html(loginView(ctxOf(c), { step, phone, next, message: result.reason }), status);
    }
    setSessionCookie(c, result.token, result.expiresAt);
    return c.redirect(next, 303);
  });

  app.post('/dashboard/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(options.pool, token);
    clearSessionCookie(c);
    return c.redirect('/dashboard/login', 303);
  });

  app.get('/dashboard/lang', (c) => {
    const to = c.req.query('to') === 'hi' ? 'hi' : 'en';
    setCookie(c, LANG_COOKIE, to, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600 });
    return c.redirect(safeBack(c.req.query('back')), 303);
  });

  return app;
}
