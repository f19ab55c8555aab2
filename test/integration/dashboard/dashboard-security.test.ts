import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../src/core/language/days.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import {
  codeFromConversation,
  form,
  freshAddress,
  get,
  logIn,
  outCount,
  requestCode,
  sessionCookie,
  verify,
} from './dashboard-session.js';
import { type SeededShop, seedShopWithHistory } from './shop-history.js';

// Login codes, sessions and shop boundaries, against the real app, PostgreSQL and Redis.

const OWNER_A = '+919800000101';
const STAFF_A = '+919800000103';
const OWNER_B = '+919800000202';

let db: TestDatabase;
let app: RunningBillMitra;
let shopA: SeededShop;
let shopB: SeededShop;

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  const today = localDate(new Date(), 'Asia/Kolkata');
  shopA = await seedShopWithHistory(db.pool, { ownerPhone: OWNER_A, name: 'Gupta Stores', today, days: 90 });
  shopB = await seedShopWithHistory(db.pool, {
    ownerPhone: OWNER_B,
    name: 'Verma Kirana',
    today,
    days: 40,
    seed: 9,
  });
  await db.pool.query(`INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'staff')`, [
    shopA.shopId,
    STAFF_A,
  ]);
  app = await startTestApp({
    databaseUrl: db.url,
    env: { SESSION_SECRET: 'test-session-secret-0123456789' },
  });
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('login codes', () => {
  it('sends the code on WhatsApp, stores only its digest, and a correct code opens an HttpOnly session', async () => {
    const before = await outCount(app, OWNER_A);
    expect((await requestCode(app, OWNER_A)).status).toBe(200);
    const code = await codeFromConversation(app, OWNER_A, before);
    const stored = await db.pool.query<{ code_hash: string }>('SELECT code_hash FROM dashboard_login_codes');
    expect(stored.rows.every((row) => !row.code_hash.includes(code))).toBe(true);
    const otp = await db.pool.query<{ kind: string }>(
      `SELECT kind FROM outbound_messages WHERE body LIKE '%' || $1 || '%'`,
      [code],
    );
    expect(otp.rows.map((row) => row.kind)).toEqual(['otp']);

    const response = await app.app!.request(
      '/dashboard/login/verify',
      form({ phone: OWNER_A, code, next: '/dashboard/products' }, { 'x-forwarded-proto': 'https' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/products');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Expires=/i);
    const page = await get(app, '/dashboard', `bm_session=${sessionCookie(response)}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Gupta Stores');
  });

  it('refuses a wrong code, then a reused one', async () => {
    const before = await outCount(app, OWNER_A);
    await requestCode(app, OWNER_A);
    const code = await codeFromConversation(app, OWNER_A, before);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await verify(app, OWNER_A, wrong);
    expect(refused.status).toBe(401);
    expect(sessionCookie(refused)).toBeUndefined();
    expect(await refused.text()).toContain('data-login-message="wrong"');

    expect((await verify(app, OWNER_A, code)).status).toBe(303);
    const reused = await verify(app, OWNER_A, code);
    expect(reused.status).toBe(401);
    expect(await reused.text()).toContain('data-login-message="used"');
    expect(sessionCookie(reused)).toBeUndefined();
  });

  it('refuses an expired code', async () => {
    const before = await outCount(app, STAFF_A);
    await requestCode(app, STAFF_A);
    const code = await codeFromConversation(app, STAFF_A, before);
    // Ten minutes passing, without waiting ten minutes.
    await db.pool.query(
      `UPDATE dashboard_login_codes SET expires_at = now() - interval '1 second'
       WHERE id = (SELECT max(id) FROM dashboard_login_codes WHERE phone = $1)`,
      [STAFF_A],
    );
    const response = await verify(app, STAFF_A, code);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('data-login-message="expired"');
  });

  it('kills a code after five wrong guesses, even if the sixth is right', async () => {
    const phone = OWNER_B;
    const before = await outCount(app, phone);
    await requestCode(app, phone);
    const code = await codeFromConversation(app, phone, before);
    const wrong = code === '999999' ? '888888' : '999999';
    for (let i = 0; i < 5; i++) expect((await verify(app, phone, wrong)).status).toBe(401);
    const late = await verify(app, phone, code);
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('data-login-message="expired"');
  });

  it('limits code requests per number and per client address', async () => {
    const phone = '+919811111111';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await requestCode(app, phone)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const address = freshAddress();
    const fromOneAddress = [];
    for (let i = 0; i < 11; i++)
      fromOneAddress.push((await requestCode(app, `+91982222${String(i).padStart(4, '0')}`, address)).status);
    expect(fromOneAddress.slice(0, 10).every((status) => status === 200)).toBe(true);
    expect(fromOneAddress[10]).toBe(429);
  });

  it('limits code checks per client address', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await verify(app, `+91983333${String(i).padStart(4, '0')}`, '123456', address)).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('sends nothing to a number that belongs to no shop, but answers the same', async () => {
    const phone = '+919844444444';
    const response = await requestCode(app, phone);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('data-login-message="code-sent"');
    const rows = await db.pool.query(`SELECT 1 FROM outbound_messages WHERE chat_id = $1`, [phone]);
    expect(rows.rowCount).toBe(0);
  });
});

describe('shop boundaries and roles', () => {
  let ownerA: string;
  let ownerB: string;
  let staffA: string;

  beforeAll(async () => {
    // The login tests above used up the numbers' code allowance; let the ten minutes pass.
    await db.pool.query('DELETE FROM dashboard_auth_attempts');
    ownerA = await logIn(app, OWNER_A);
    ownerB = await logIn(app, OWNER_B);
    staffA = await logIn(app, STAFF_A);
  });

  it('sends visitors without a session to the login page, and the API answers 401', async () => {
    const page = await get(app, '/dashboard/products');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/dashboard/login?next=%2Fdashboard%2Fproducts');
    expect((await get(app, `/dashboard/api/shops/${shopA.shopId}/overview`)).status).toBe(401);
    expect((await get(app, '/dashboard', 'bm_session=forged-token')).status).toBe(303);
  });

  // A path naming another shop is refused (403); another shop's product or import id under one's own
  // path is not there at all (404): row-level security hides other shops' rows from the session's queries.
  it("refuses another shop's pages and API, and cannot see its rows", async () => {
    const cookie = ownerA;
    const foreignProduct = shopB.productIds.get('maggi')!;
    const ownProduct = shopA.productIds.get('maggi')!;
    expect((await get(app, `/dashboard/products/${ownProduct}`, cookie)).status).toBe(200);
    expect((await get(app, `/dashboard/products/${foreignProduct}`, cookie)).status).toBe(404);
    for (const path of ['overview', 'products', `products/${foreignProduct}`, 'ledger.csv', 'imports/1']) {
      const response = await get(app, `/dashboard/api/shops/${shopB.shopId}/${path}`, cookie);
      expect(response.status, path).toBe(403);
    }
    const post = await app.app!.request(`/dashboard/api/shops/${shopB.shopId}/imports`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(403);
    expect(
      (await get(app, `/dashboard/api/shops/${shopA.shopId}/products/${foreignProduct}`, cookie)).status,
    ).toBe(404);
    const ownImport = await app.app!.request(`/dashboard/api/shops/${shopB.shopId}/imports`, {
      method: 'POST',
      headers: { cookie: ownerB, 'content-type': 'application/json' },
      body: '{"fileName":"b.csv"}',
    });
    const { id } = (await ownImport.json()) as { id: number };
    expect((await get(app, `/dashboard/api/shops/${shopA.shopId}/imports/${id}`, cookie)).status).toBe(404);
    expect((await get(app, `/dashboard/data?import=${id}`, cookie)).status).toBe(404);
  });

  it('shows the owner profit and the staff none', async () => {
    const owner = ownerA;
    const staff = staffA;
    const ownerPage = await (await get(app, '/dashboard', owner)).text();
    const staffPage = await (await get(app, '/dashboard', staff)).text();
    expect(ownerPage).toContain('data-figure="profit"');
    expect(staffPage).not.toContain('data-figure="profit"');
    expect(staffPage).toContain('data-figure="revenue"');

    const ownerApi = await (await get(app, `/dashboard/api/shops/${shopA.shopId}/overview`, owner)).json();
    const staffApi = await (await get(app, `/dashboard/api/shops/${shopA.shopId}/overview`, staff)).text();
    expect(JSON.stringify(ownerApi)).toContain('profitPaise');
    expect(staffApi).not.toMatch(/profit/i);

    const product = shopA.productIds.get('maggi')!;
    const staffProduct = (await (
      await get(app, `/dashboard/api/shops/${shopA.shopId}/products/${product}`, staff)
    ).json()) as Record<string, unknown> & { product: { costPaise: unknown } };
    expect(staffProduct.price).toBeUndefined();
    expect(staffProduct.product.costPaise).toBeNull();
    const ownerProduct = (await (
      await get(app, `/dashboard/api/shops/${shopA.shopId}/products/${product}`, owner)
    ).json()) as Record<string, unknown>;
    expect(ownerProduct.price).toBeDefined();
    const staffProductPage = await (await get(app, `/dashboard/products/${product}`, staff)).text();
    expect(staffProductPage).not.toMatch(/profit/i);
  });

  it('refuses cross-site form posts and ends the session on logout', async () => {
    const cookie = ownerA;
    const crossSite = await app.app!.request('/dashboard/logout', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost' },
    });
    expect(crossSite.status).toBe(403);
    const out = await app.app!.request('/dashboard/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(303);
    expect((await get(app, '/dashboard', cookie)).status).toBe(303);
  });
});
