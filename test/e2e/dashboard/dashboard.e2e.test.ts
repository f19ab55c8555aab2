import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP, seedDemoShop } from '../../../src/app/demo/seed-demo-shop.js';
import { localDate } from '../../../src/core/language/days.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { packagePath } from '../../../src/package-path.js';
import { storeForecasts } from '../../integration/dashboard/shop-history.js';
import { simConversation, startTestApp, waitFor } from '../../integration/support/app.js';
import { createTestDatabase, type TestDatabase } from '../../integration/support/services.js';

// The dashboard in Debian's Chromium against the real app on a loopback port: log in with the code the
// bot sent on WhatsApp (read from the simulator conversation), look at a product of the demo shop and
// its forecast chart, import a small CSV and find its rows in the ledger, switch to Hindi. Screenshots
// at 360 px and 1280 px go to test-artifacts/dashboard/.

const ARTIFACTS = packagePath('test-artifacts', 'dashboard');
const PHONE = DEMO_SHOP.ownerPhone;

let db: TestDatabase;
let app: RunningBillMitra;
let browser: Browser;
let base: string;
let today: string;

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

async function latestCode(): Promise<string> {
  return waitFor(async () => {
    const messages = await simConversation(app, PHONE);
    return messages
      .map((message) => /\*(\d{6})\*/.exec(message.text)?.[1])
      .filter(Boolean)
      .at(-1);
  });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  db = await createTestDatabase('postgres');
  today = localDate(new Date(), 'Asia/Kolkata');
  const demo = await seedDemoShop({ pool: db.pool }, { today });
  await storeForecasts(db.pool, demo.shopId, today);
  app = await startTestApp({ databaseUrl: db.url });
  base = `http://127.0.0.1:${app.port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await db?.drop();
});

describe('owner dashboard in a browser', () => {
  it('logs in, shows a forecast, imports a CSV into the ledger and switches to Hindi', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(`${base}/dashboard`);
    expect(new URL(page.url()).pathname).toBe('/dashboard/login');
    await page.fill('input[name=phone]', PHONE);
    await page.click('button[type=submit]');
    await page.waitForSelector('input[name=code]');
    await shoot(page, 'login-code-360');
    await page.fill('input[name=code]', await latestCode());
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-period=month]');
    await page.waitForSelector('[data-chart=sales][data-ready=true] svg');
    expect(await page.textContent('.brand')).toBe(DEMO_SHOP.name);
    expect(await page.textContent('[data-period=month] [data-figure=revenue]')).toMatch(/^₹[\d,]+/);
    await shoot(page, 'overview-en-360');

    await page.click('nav a[href="/dashboard/products"]');
    await page.click('tr[data-product=maggi] a');
    await page.waitForSelector('[data-chart=forecast][data-ready=true] svg');
    const chartText = await page.textContent('[data-chart=forecast]');
    expect(chartText).toContain('Forecast');
    expect(await page.locator('[data-no-forecast]').count()).toBe(0);
    expect(await page.textContent('[data-card=restock]')).toMatch(/Order|No order needed/);
    expect(await page.textContent('[data-card=price]')).toMatch(/₹/);
    await shoot(page, 'product-en-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'product-en-1280');
    await page.setViewportSize({ width: 360, height: 740 });

    await page.click('nav a[href="/dashboard/data"]');
    const csv = `date,product,quantity,price\n${today},maggi,7,14\n${today},Parle-G,4,10\n${today},toothpaste,2,\n`;
    await page.setInputFiles('input[type=file]', {
      name: 'shop-book.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.click('form[data-importer] button');
    await page.waitForURL(/import=\d+/);
    await page.waitForSelector('[data-import-result=done]');
    const ledger = await page.textContent('table[data-ledger]');
    expect(await page.locator('table[data-ledger] tbody tr').count()).toBe(3);
    expect(ledger).toContain('Maggi');
    expect(ledger).toContain('₹98');
    await shoot(page, 'data-import-en-360');

    await page.click('[data-lang-switch=hi]');
    await page.waitForSelector('html[lang=hi]');
    expect(await page.textContent('h1')).toBe('डेटा');
    expect(await page.textContent('table[data-ledger]')).toContain('मैगी');
    await page.click('nav a[href="/dashboard"]');
    await page.waitForSelector('[data-chart=sales][data-ready=true] svg');
    expect(await page.textContent('[data-period=today] h2')).toContain('आज');
    expect(await page.textContent('[data-period=month] [data-figure=revenue]')).toMatch(
      /^₹\d{1,2}(,\d\d)*,\d{3}/,
    );
    await shoot(page, 'overview-hi-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'overview-hi-1280');
    await page.goBack();
    await page.click('nav a[href="/dashboard/products"]');
    await page.click('tr[data-product=maggi] a');
    await page.waitForSelector('[data-chart=forecast][data-ready=true] svg');
    expect(await page.textContent('[data-chart=forecast]')).toContain('अनुमान');
    await shoot(page, 'product-hi-1280');
    await page.setViewportSize({ width: 360, height: 740 });
    await shoot(page, 'product-hi-360');

    for (const section of ['festivals', 'alerts', 'quality']) {
      await page.click(`nav a[href="/dashboard/${section}"]`);
      await page.waitForSelector('main h1');
      await shoot(page, `${section}-hi-360`);
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 180_000);

  it('chats with the bot through the simulator from the chat page', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/dashboard/chat`);
    await page.fill('input[name=from]', '+919876500001');
    await page.fill('input[name=text]', 'help');
    await page.click('.chat-form button');
    await page.waitForSelector('.bubble.in');
    await page.waitForSelector('.bubble.out', { timeout: 20_000 });
    expect(await page.locator('.bubble.out').count()).toBeGreaterThan(0);
    await shoot(page, 'chat-en-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await shoot(page, 'chat-en-1280');
    await context.close();
  }, 60_000);
});
