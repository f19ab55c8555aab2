import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBillMitra } from '../../../src/main.js';
import { get, logIn } from '../dashboard/dashboard-session.js';
import { startTestApp } from '../support/app.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { type IsolationShop, seedTwoShops } from './two-shops.js';

// Every shop-scoped HTTP route, asked by a logged-in owner of shop B for shop A's data: the path naming
// shop A is refused, A's ids under B's own path are not found, and B's own pages show nothing of A.

describe.each<DatabaseKind>(['postgres', 'pglite'])('tenant isolation over HTTP on %s', (kind) => {
  let db: TestDatabase;
  let app: RunningBillMitra;
  let shopA: IsolationShop;
  let shopB: IsolationShop;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ({ shopA, shopB } = await seedTwoShops(db.pool, { a: '+919800000401', b: '+919800000402' }));
    app = await startTestApp({
      databaseUrl: db.url,
      env: { SESSION_SECRET: 'test-session-secret-0123456789' },
    });
    cookieA = await logIn(app, shopA.ownerPhone);
    cookieB = await logIn(app, shopB.ownerPhone);
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  const secretOf = (shop: IsolationShop) => [shop.name, shop.secretProduct.name];
  const ownPages = ['/dashboard', '/dashboard/products?all=1', '/dashboard/festivals', '/dashboard/alerts'];
  const ownApi = ['overview', 'products', 'ledger.csv'];
  const morePages = ['/dashboard/quality', '/dashboard/data'];

  async function textOf(path: string, cookie: string): Promise<{ status: number; text: string }> {
    const response = await get(app, path, cookie);
    return { status: response.status, text: await response.text() };
  }

  it("shows each owner their own shop's data (the probes below can fail)", async () => {
    const products = await textOf('/dashboard/products?all=1', cookieA);
    expect(products.status).toBe(200);
    expect(products.text).toContain(shopA.secretProduct.name);
    const api = await textOf(`/dashboard/api/shops/${shopA.shopId}/products`, cookieA);
    expect(api.text).toContain(shopA.secretProduct.name);
    const own = await textOf(
      `/dashboard/api/shops/${shopA.shopId}/products/${shopA.secretProduct.id}`,
      cookieA,
    );
    expect(own.status).toBe(200);
    expect(
      (await textOf(`/dashboard/api/shops/${shopA.shopId}/imports/${shopA.importId}`, cookieA)).status,
    ).toBe(200);
  });

  it("refuses every API path naming another shop, with nothing of that shop's in the answer", async () => {
    const paths = [
      ...ownApi,
      'imports',
      `products/${shopA.secretProduct.id}`,
      `imports/${shopA.importId}`,
      `imports/${shopA.importId}/parts/0`,
      `imports/${shopA.importId}/run`,
    ];
    for (const path of paths) {
      const url = `/dashboard/api/shops/${shopA.shopId}/${path}`;
      const method = path === 'imports' || path.endsWith('/0') || path.endsWith('/run') ? 'POST' : 'GET';
      const response = await app.app!.request(url, { method, headers: { cookie: cookieB } });
      expect(response.status, url).toBe(403);
      const text = await response.text();
      for (const secret of secretOf(shopA)) expect(text, url).not.toContain(secret);
    }
  });

  it("does not find another shop's product or import under one's own paths", async () => {
    const notFound = [
      `/dashboard/products/${shopA.secretProduct.id}`,
      `/dashboard/data?import=${shopA.importId}`,
      `/dashboard/api/shops/${shopB.shopId}/products/${shopA.secretProduct.id}`,
      `/dashboard/api/shops/${shopB.shopId}/imports/${shopA.importId}`,
    ];
    for (const path of notFound) {
      const { status, text } = await textOf(path, cookieB);
      expect(status, path).toBe(404);
      for (const secret of secretOf(shopA)) expect(text, path).not.toContain(secret);
    }
    for (const part of ['parts/0', 'run']) {
      const url = `/dashboard/api/shops/${shopB.shopId}/imports/${shopA.importId}/${part}`;
      const response = await app.app!.request(url, {
        method: 'POST',
        headers: { cookie: cookieB },
        body: 'x',
      });
      expect(response.status, url).toBe(404);
    }
  });

  it("shows nothing of another shop on one's own pages and API", async () => {
    const paths = [
      ...ownPages,
      ...morePages,
      ...ownApi.map((path) => `/dashboard/api/shops/${shopB.shopId}/${path}`),
      `/dashboard/api/shops/${shopB.shopId}/imports/${shopB.importId}`,
      `/dashboard/api/shops/${shopB.shopId}/products/${shopB.secretProduct.id}`,
      '/dashboard/chat',
    ];
    for (const path of paths) {
      const { status, text } = await textOf(path, cookieB);
      expect(status, path).toBe(200);
      for (const secret of secretOf(shopA)) expect(text, path).not.toContain(secret);
    }
    const ownProducts = await textOf('/dashboard/products?all=1', cookieB);
    expect(ownProducts.text).toContain(shopB.secretProduct.name);
  });
});
