import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SHOP, seedDemoShop } from '../../../src/app/demo/seed-demo-shop.js';
import { localDate } from '../../../src/core/language/days.js';
import { formatRupees } from '../../../src/core/money.js';
import { reportWindow } from '../../../src/core/reports/report-period.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { simSay, startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// Reports asked over the chat (simulator channel, real queues and PostgreSQL) on the demo shop, in the
// three registers, by the owner and by staff. Figures in the text are checked against SQL sums.

const STAFF = '+919999900001';

/** Reports show whole rupees. */
function wholeRupees(paise: number): string {
  return formatRupees(Math.round(paise / 100) * 100);
}

describe('reports through the chat', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;
  let shopId: number;
  const today = localDate(new Date(), 'Asia/Kolkata');

  async function revenue(from: string, to: string): Promise<number> {
    const result = await database.pool.query<{ paise: number | null }>(
      `SELECT sum(s.amount_paise)::bigint AS paise FROM sales s JOIN ledger_entries e ON e.id = s.entry_id
       WHERE s.shop_id = $1 AND s.sale_date BETWEEN $2 AND $3 AND NOT s.voided AND e.undone_at IS NULL`,
      [shopId, from, to],
    );
    return result.rows[0]?.paise ?? 0;
  }

  async function lastReplyImage(): Promise<Buffer | null> {
    const result = await database.pool.query<{ image_png: Buffer | null }>(
      `SELECT image_png FROM outbound_messages WHERE chat_id = $1 ORDER BY id DESC LIMIT 1`,
      [DEMO_SHOP.ownerPhone],
    );
    return result.rows[0]?.image_png ?? null;
  }

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    shopId = (await seedDemoShop({ pool: database.pool }, { today })).shopId;
    await database.pool.query(`INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'staff')`, [
      shopId,
      STAFF,
    ]);
    app = await startTestApp({ databaseUrl: database.url });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('Hinglish: today’s report after logging sales shows the day’s sales, profit and best seller', async () => {
    await simSay(app, DEMO_SHOP.ownerPhone, 'aaj 18 maggi, 6 kurkure, 2 kilo cheeni');
    const [text] = await simSay(app, DEMO_SHOP.ownerPhone, 'aaj ki report');
    const sales = await revenue(today, today);
    expect(sales).toBe(18 * 1400 + 6 * 2000 + 2 * 4600);
    expect(text).toContain(`📊 Aaj (`);
    expect(text).toContain(`bikri ${wholeRupees(sales)}`);
    expect(text).toContain('munafa ₹');
    // Counted per unit: 2 kilo of sugar is not 2 items.
    expect(text).toMatch(/, 24 packet, 2 kilo\.\n/);
    // The best seller is the first of the top products, with how many sold, and is named once.
    expect(text).toContain('Sabse zyada: Maggi ₹252 (18 packet) · Kurkure ₹120 · Cheeni ₹92');
    expect(text?.match(/Maggi/g)).toHaveLength(1);
    const [hindi] = await simSay(app, DEMO_SHOP.ownerPhone, 'आज का हिसाब');
    expect(hindi).toContain(', 24 पैकेट, 2 किलो।');
    expect(hindi).toContain('सबसे ज़्यादा: मैगी ₹252 (18 पैकेट) · कुरकुरे ₹120 · चीनी ₹92');
    expect(hindi?.match(/मैगी/g)).toHaveLength(1);
    expect(hindi).not.toContain('नग');
  });

  it('English: the weekly report compares with last week, names the best day and brings a chart', async () => {
    const [text, chart] = await simSay(app, DEMO_SHOP.ownerPhone, 'weekly report', 2);
    const window = reportWindow('week', today);
    const sales = await revenue(window.current.from, window.current.to);
    expect(text).toMatch(/^📊 This week \(.+\): sales /);
    expect(text).toContain(`sales ${wholeRupees(sales)}`);
    expect(text).toMatch(/profit ₹[\d,]+/);
    expect(text).toMatch(/Top: .+ ₹[\d,]+/);
    if (window.current.from !== today) expect(text).toMatch(/vs same days last week/);
    expect(text).toMatch(/Best day: (Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day /);
    // The chart follows the text as a message of its own, captioned with the report's title.
    expect(chart).toBe(text?.match(/^📊 (This week \(.+?\))/)?.[1]);
    const image = await lastReplyImage();
    expect(image?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('Hindi: the monthly report is in Devanagari with a chart', async () => {
    const [text, chart] = await simSay(app, DEMO_SHOP.ownerPhone, 'इस महीने का हिसाब', 2);
    const window = reportWindow('month', today);
    const sales = await revenue(window.current.from, window.current.to);
    expect(text).toMatch(/^📊 इस महीने \(/);
    expect(text).toContain(`बिक्री ${wholeRupees(sales)}`);
    expect(text).toContain('मुनाफ़ा ₹');
    expect(text).toContain('सबसे अच्छा दिन:');
    expect(chart).toMatch(/^इस महीने \(/);
    expect((await lastReplyImage())?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('staff see sales but no profit', async () => {
    const [text] = await simSay(app, STAFF, 'kal ka hisab');
    const window = reportWindow('yesterday', today);
    expect(text).toContain(`bikri ${wholeRupees(await revenue(window.current.from, window.current.to))}`);
    expect(text).not.toContain('munafa');
  });
});
