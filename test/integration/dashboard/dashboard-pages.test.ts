import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PART_CHARS } from '../../../src/app/dashboard/csv-imports.js';
import { addDays } from '../../../src/core/inventory/index.js';
import { localDate } from '../../../src/core/language/days.js';
import { formatRupees } from '../../../src/core/money.js';
import type { PriceSuggestion } from '../../../src/core/pricing/index.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { simSay, startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { get, logIn, requestCode } from './dashboard-session.js';
import { type SeededShop, seedShopWithHistory, storeForecasts } from './shop-history.js';

// Every page and the data tools of the dashboard against the real app: what each page shows in English
// and Hindi, the CSV import through its staged upload, the ledger export, and the bundled assets.

const OWNER = '+919800000301';
const STAFF = '+919800000302';

let db: TestDatabase;
let app: RunningBillMitra;
let shop: SeededShop;
let today: string;
let owner: string;
let staff: string;

function attribute(html: string, name: string): unknown {
  const match = new RegExp(`${name}="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`no ${name} attribute`);
  const text = match[1]
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  return JSON.parse(text);
}

function post(path: string, body: string, type: string, cookie = owner) {
  return app.app!.request(path, { method: 'POST', headers: { cookie, 'content-type': type }, body });
}

async function importCsv(parts: string[]): Promise<Record<string, unknown>> {
  const base = `/dashboard/api/shops/${shop.shopId}/imports`;
  const created = await post(base, JSON.stringify({ fileName: 'book.csv' }), 'application/json');
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  for (const [index, part] of parts.entries()) {
    expect((await post(`${base}/${id}/parts/${index}`, part, 'text/csv')).status).toBe(200);
  }
  expect((await post(`${base}/${id}/run`, '{}', 'application/json')).status).toBe(202);
  return waitFor(async () => {
    const state = (await (await get(app, `${base}/${id}`, owner)).json()) as Record<string, unknown>;
    return state.status === 'done' || state.status === 'failed' ? state : undefined;
  });
}

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  today = localDate(new Date(), 'Asia/Kolkata');
  shop = await seedShopWithHistory(db.pool, {
    ownerPhone: OWNER,
    name: 'Arora General Store',
    today,
    days: 200,
  });
  await storeForecasts(db.pool, shop.shopId, today);
  await db.pool.query(`INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'staff')`, [
    shop.shopId,
    STAFF,
  ]);
  app = await startTestApp({ databaseUrl: db.url });
  owner = await logIn(app, OWNER);
  // Before a test below makes this number's last chat a Cloud API one (whose codes the simulator never shows).
  staff = await logIn(app, STAFF);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('dashboard pages', () => {
  it('shows the overview with rupees in Indian grouping, in English and Hindi', async () => {
    const english = await (await get(app, '/dashboard', owner)).text();
    expect(english).toContain('<html lang="en">');
    const month = /data-period="month"[\s\S]*?data-figure="revenue">(₹[^<]+)</.exec(english)?.[1];
    // Lakh grouping (₹12,34,567), never Western (₹1,234,567); early in a month the figure may be below a lakh.
    expect(month).toMatch(/^₹(\d{1,2},(\d\d,)*)?\d{1,3}$/);
    const trend = attribute(english, 'data-input') as { days: unknown[]; lang: string };
    expect(trend.days).toHaveLength(56);
    const hindi = await (await get(app, '/dashboard', `${owner}; bm_lang=hi`)).text();
    expect(hindi).toContain('<html lang="hi">');
    expect(hindi).toContain('इस महीने');
    expect((attribute(hindi, 'data-input') as { lang: string }).lang).toBe('hi');
  });

  it('switches language with a cookie and comes back to the same page', async () => {
    const response = await get(app, '/dashboard/lang?to=hi&back=%2Fdashboard%2Fproducts', owner);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard/products');
    expect(response.headers.get('set-cookie')).toMatch(/bm_lang=hi/);
    const offsite = await get(app, '/dashboard/lang?to=en&back=https%3A%2F%2Fevil.example', owner);
    expect(offsite.headers.get('location')).toBe('/dashboard');
  });

  it('shows a product with its forecast band, festival markers, cover, order and price advice', async () => {
    const list = await (await get(app, '/dashboard/products', owner)).text();
    expect(list).toContain('data-product="maggi"');
    const page = await (await get(app, `/dashboard/products/${shop.productIds.get('maggi')}`, owner)).text();
    const chart = attribute(page, 'data-input') as {
      history: Array<{ date: string }>;
      forecast: Array<{ date: string; p10: number; p90: number }>;
    };
    expect(chart.history.at(-1)?.date).toBe(addDays(today, -1));
    expect(chart.forecast[0]?.date).toBe(today);
    expect(chart.forecast).toHaveLength(28);
    expect(chart.forecast.every((day) => day.p10 <= day.p90)).toBe(true);
    expect(page).toMatch(/data-card="restock"[\s\S]*(Order|No order needed)/);
    expect(page).toMatch(/data-card="price"[\s\S]*₹/);
    expect(page).toContain('Sells about');
  });

  it('suggests the price the chat suggests for the same product and day, expiring stock included', async () => {
    // A shelf of Kurkure expiring tomorrow: the chat's advice turns to clearance; a page with its own
    // pricing path (no batches, no category prior) would still say "keep" and disagree.
    const productId = shop.productIds.get('kurkure')!;
    await db.pool.query('UPDATE products SET stock_quantity = 200 WHERE id = $1', [productId]);
    await db.pool.query(
      `INSERT INTO product_batches (shop_id, product_id, received_on, expires_on, received, remaining)
       VALUES ($1, $2, $3, $4, 200, 200)`,
      [shop.shopId, productId, addDays(today, -5), addDays(today, 1)],
    );
    const api = `/dashboard/api/shops/${shop.shopId}/products/${productId}`;
    const { price } = (await (await get(app, api, owner)).json()) as { price: PriceSuggestion };
    expect(price.kind).toBe('clearance');
    const answer = (await simSay(app, OWNER, 'kurkure ka rate kya rakhun?')).join('\n');
    expect(answer).toContain(`Sujhav: *${formatRupees(price.pricePaise)}* kar dijiye`);
    const page = await (await get(app, `/dashboard/products/${productId}`, owner)).text();
    expect(page).toMatch(
      new RegExp(`data-card="price"[\\s\\S]*?class="figure">${formatRupees(price.pricePaise)}<`),
    );
  });

  it('lists the festivals ahead with a restock list', async () => {
    const page = await (await get(app, '/dashboard/festivals', owner)).text();
    expect(page).toMatch(/data-festival="[a-z_]+"/);
  });

  it('lists alerts sent and model versions with their backtest figures', async () => {
    const out = await db.pool.query<{ id: number }>(
      `INSERT INTO outbound_messages (channel, chat_id, shop_id, kind, body, dedupe_key, status)
       VALUES ('simulator', $1, $2, 'alert', '⚠️ Doodh kal tak khatam ho sakta hai', 'alert-test-1', 'sent') RETURNING id`,
      [OWNER, shop.shopId],
    );
    await db.pool.query(
      `INSERT INTO alerts_sent (shop_id, kind, dedupe_key, local_date, product_id, outbound_message_id)
       VALUES ($1, 'low-stock', 'low-stock-test', $2, $3, $4)`,
      [shop.shopId, today, shop.productIds.get('milk'), out.rows[0]?.id],
    );
    const alerts = await (await get(app, '/dashboard/alerts', owner)).text();
    expect(alerts).toContain('data-alert="low-stock"');
    expect(alerts).toContain('Doodh kal tak khatam');
    const quality = await (await get(app, '/dashboard/quality', owner)).text();
    expect(quality).toContain('data-model-version=');
    expect(quality).toContain('best rmsse');
  });

  it('sends the login code back on the channel and chat the number last wrote from', async () => {
    await db.pool.query(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, sender_phone, body, status)
       VALUES ('cloud', '919800000302', 'wamid-test-1', $1, 'hi', 'processed')`,
      [STAFF],
    );
    expect((await requestCode(app, STAFF)).status).toBe(200);
    const otp = await db.pool.query<{ channel: string; chat_id: string }>(
      `SELECT channel, chat_id FROM outbound_messages WHERE kind = 'otp' AND shop_id = $1 ORDER BY id DESC LIMIT 1`,
      [shop.shopId],
    );
    expect(otp.rows[0]).toEqual({ channel: 'cloud', chat_id: '919800000302' });
  });
});

describe('data page', () => {
  it('imports a CSV uploaded in parts, shows its rows, and skips them when imported again', async () => {
    const header = 'date,product,quantity,price\n';
    const first = `${header}${today},maggi,3,14\n${today},Parle-G,2,10\n`;
    const second = `${today},maggi,3,14\n2020-13-40,maggi,1,14\n`;
    const done = await importCsv([first, second]);
    expect(done.status).toBe('done');
    expect(done.totalRows).toBe(4);
    const result = done.result as { inserted: number; problemCount: number; entryId: number };
    expect(result.inserted).toBe(3);
    expect(result.problemCount).toBe(1);
    const page = await (await get(app, `/dashboard/data?import=${done.id}`, owner)).text();
    expect(page.match(/data-sale="/g)).toHaveLength(3);
    expect(page).toContain('data-import-result="done"');

    const again = await importCsv([first + second.slice(0)]);
    expect((again.result as { inserted: number; alreadyThere: number }).inserted).toBe(0);
    expect((again.result as { alreadyThere: number }).alreadyThere).toBe(3);

    const broken = await importCsv(['when,what\n2024-01-01,maggi\n']);
    expect(broken.status).toBe('failed');
    expect(JSON.stringify(broken.result)).toContain('date,product,quantity');
  });

  it('takes a file larger than the body limit, in Hindi, through parts', async () => {
    const day = addDays(today, -400);
    const lines = Array.from({ length: 3_000 }, (_, i) => `${day},मैगी,${(i % 5) + 1},14\n`);
    const parts: string[] = ['date,product,quantity,price\n'];
    for (const line of lines) {
      if (parts.at(-1)!.length + line.length > MAX_PART_CHARS) parts.push('');
      parts[parts.length - 1] += line;
    }
    expect(Buffer.byteLength(parts.join(''))).toBeGreaterThan(64 * 1024);
    expect(parts.length).toBeGreaterThan(2);
    const done = await importCsv(parts);
    expect(done.status).toBe('done');
    expect((done.result as { inserted: number }).inserted).toBe(3_000);
    const rows = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sales WHERE shop_id = $1 AND sale_date = $2 AND product_id = $3`,
      [shop.shopId, day, shop.productIds.get('maggi')],
    );
    expect(rows.rows[0]?.n).toBe(3_000);
  });

  it('refuses parts out of order', async () => {
    const base = `/dashboard/api/shops/${shop.shopId}/imports`;
    const { id } = (await (await post(base, '{}', 'application/json')).json()) as { id: number };
    expect((await post(`${base}/${id}/parts/1`, 'date,product,quantity\n', 'text/csv')).status).toBe(409);
  });

  it('exports the ledger as CSV; staff get no purchase prices', async () => {
    await db.pool.query(
      `INSERT INTO purchases (shop_id, product_id, purchase_date, quantity, unit, unit_cost_paise, amount_paise)
       VALUES ($1, $2, $3, 10, 'packet', 1150, 11500)`,
      [shop.shopId, shop.productIds.get('maggi'), today],
    );
    const response = await get(app, `/dashboard/api/shops/${shop.shopId}/ledger.csv`, owner);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\n');
    expect(lines[0]).toBe('date,type,product,quantity,unit,price,amount,source');
    const sales = await db.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sales WHERE shop_id = $1',
      [shop.shopId],
    );
    expect(lines.length).toBe(1 + sales.rows[0]!.n + 1);
    expect(lines).toContain(`${today},purchase,maggi,10,packet,11.5,115,`);
    const staffCsv = await (await get(app, `/dashboard/api/shops/${shop.shopId}/ledger.csv`, staff)).text();
    expect(staffCsv).toContain(`${today},purchase,maggi,10,packet,,,`);
  });
});

describe('assets', () => {
  it('serves echarts, the font and the chart option builders from the app, under a strict policy', async () => {
    const echarts = await get(app, '/dashboard/assets/echarts.min.js');
    expect(echarts.status).toBe(200);
    expect((await echarts.text()).length).toBeGreaterThan(500_000);
    const font = await get(app, '/dashboard/assets/fonts/noto-sans-devanagari-400.ttf');
    expect(font.headers.get('content-type')).toBe('font/ttf');
    const module = await get(app, '/dashboard/assets/m/adapters/charts/forecast-chart-option.js');
    const code = await module.text();
    expect(code).toContain('export function forecastChartOption');
    expect(code).not.toMatch(/import type|: EChartsCoreOption/);
    expect((await get(app, '/dashboard/assets/m/config.js')).status).toBe(404);
    const css = await (await get(app, '/dashboard/assets/dashboard.css')).text();
    expect(css).toContain("font-family: 'Noto Sans Devanagari'");
    const page = await get(app, '/dashboard', owner);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
