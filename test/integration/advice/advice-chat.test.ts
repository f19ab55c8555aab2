import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdviceProductsRepository } from '../../../src/adapters/postgres/repositories/advice-products.js';
import { roughAmount } from '../../../src/app/advice/advice-words.js';
import { buyingWindow } from '../../../src/app/advice/festival-windows.js';
import { createForecastProvider } from '../../../src/app/advice/forecast-provider.js';
import { priceAdvice } from '../../../src/app/advice/price-suggestion.js';
import { restockProduct } from '../../../src/app/advice/restock-plan.js';
import { DEMO_SHOP, seedDemoShop } from '../../../src/app/demo/seed-demo-shop.js';
import { shortDate } from '../../../src/core/conversation/calendar-words.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import { computeRestock, nextDaysWindow } from '../../../src/core/inventory/restock.js';
import type { DayWindow } from '../../../src/core/inventory/types.js';
import { formatRupees } from '../../../src/core/money.js';
import type { Lang } from '../../../src/core/parse.js';
import { simConversation, simSay, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { type ClockedApp, startClockedApp } from './clocked-app.js';

// Restock and price questions over the chat in the three registers, two weeks before Diwali 2025 on the
// demo shop (a simulated year of sales), answers checked against the restock and pricing cores' numbers;
// then suppliers saved in chat and "order bhej do" sending the list, one message per supplier.

const TODAY = '2025-10-06';
const NOW = new Date(`${TODAY}T10:00:00+05:30`);
const OWNER = DEMO_SHOP.ownerPhone;
const MAGGI_SUPPLIER = '+919876543210';
const SNACKS_SUPPLIER = '+919811122233';

describe('restock and price advice in chat', () => {
  let database: TestDatabase;
  let clocked: ClockedApp;
  let shopId: number;
  const diwali = festivalsBetween(2025, 2025).find((f) => f.id === 'diwali')!.date;
  const say = async (text: string, replies = 1) =>
    (await simSay(clocked.app, OWNER, text, replies)).join('\n');

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    shopId = (await seedDemoShop({ pool: database.pool }, { today: TODAY })).shopId;
    clocked = await startClockedApp(database.url, NOW);
  }, 120_000);
  afterAll(async () => {
    await clocked?.stop();
    await database?.drop();
  });

  /** The restock core's answer for a product and window, from the same forecasts the chat reads. */
  async function coreRestock(catalogId: string, window: (lead: number) => DayWindow) {
    const [product] = await createAdviceProductsRepository(database.pool).byCatalogIds(shopId, [catalogId]);
    const w = window(product!.leadTimeDays);
    const forecasts = await createForecastProvider({ db: database.pool }).forecast({
      shopId,
      stateCode: DEMO_SHOP.stateCode,
      today: TODAY,
      end: w.end,
      products: [product!],
    });
    const forecast = forecasts.get(product!.id)!;
    return computeRestock({
      product: restockProduct(product!),
      today: TODAY,
      window: w,
      leadTimeDays: product!.leadTimeDays,
      stockOnHand: product!.stock,
      stockOnOrder: product!.onOrder,
      forecast: forecast.days,
      recentDailyAverage: forecast.recentDailyAverage,
    });
  }

  const cases: Array<{ lang: Lang; text: string; expect: (order: string, date: string) => string[] }> = [
    {
      lang: 'hi-Latn',
      text: 'Diwali ke liye kitni Maggi mangaun?',
      expect: (order, date) => [
        '🪔 Diwali (20 Oct) ke hafte mein Maggi ki bikri ~',
        `*${order} ${date} tak mangaiye.*`,
        'Kyun:',
      ],
    },
    {
      lang: 'en',
      text: 'how much maggi for diwali?',
      expect: (order, date) => [
        '🪔 In the Diwali week (20 Oct), Maggi noodles may sell ~',
        `*order ${order} by ${date}.*`,
        'Why:',
      ],
    },
    {
      lang: 'hi',
      text: 'दिवाली के लिए कितनी मैगी मँगाऊँ?',
      expect: (order, date) => [
        '🪔 दिवाली (20 अक्टू) के हफ़्ते में मैगी की बिक्री ~',
        `*${order} ${date} तक मँगाइए।*`,
        'क्यों:',
      ],
    },
  ];
  const packWord: Record<Lang, string> = { 'hi-Latn': 'packet', en: 'packets', hi: 'पैकेट' };

  for (const c of cases) {
    it(`${c.lang}: "${c.text}" answers with the restock core's sales range, order and date`, async () => {
      const advice = await coreRestock('maggi', () => buyingWindow('diwali', diwali));
      const text = await say(c.text);
      const order = `${advice.orderUnits} ${packWord[c.lang]} (${advice.packs} × ${advice.packSize})`;
      for (const part of c.expect(order, shortDate(advice.orderByDate, c.lang))) expect(text).toContain(part);
      expect(text).toContain(`~${roughAmount(advice.windowDemand.mean)} `);
      expect(text).toContain(
        `(${roughAmount(advice.windowDemand.low)}–${roughAmount(advice.windowDemand.high)})`,
      );
      expect(advice.orderUnits).toBeGreaterThan(0);
    });
  }

  it('en: "how much milk next week?" covers the 7 days after an order placed today arrives', async () => {
    const advice = await coreRestock('milk', (lead) => nextDaysWindow(TODAY, 7, lead));
    const text = await say('how much milk next week?');
    expect(text).toContain(
      `📦 In the next 7 days, Milk may sell ~${roughAmount(advice.windowDemand.mean)} L`,
    );
    if (advice.orderUnits > 0) expect(text).toContain(`${advice.orderUnits} L`);
    else expect(text).toContain('no need to order more now.');
  });

  it('hi-Latn: reads the nightly job’s stored forecast when there is one, and then sounds sure', async () => {
    const [rice] = await createAdviceProductsRepository(database.pool).byCatalogIds(shopId, ['rice']);
    await database.pool.query(
      `INSERT INTO forecasts (shop_id, product_id, target_date, origin_date, model_kind, mean, p10, p50, p90)
       SELECT $1, $2, d::date, $3::date, 'global', 20, 14, 20, 26
       FROM generate_series($3::date, $4::date, interval '1 day') AS d`,
      [shopId, rice!.id, TODAY, diwali],
    );
    const advice = await coreRestock('rice', () => buyingWindow('diwali', diwali));
    const text = await say('diwali ke liye kitna chawal mangaun');
    // Eleven buying days at 20 kg a day, straight from the stored rows.
    expect(advice.windowDemand.mean).toBeCloseTo(220, 6);
    expect(text).toContain('Chawal ki bikri ~220 kilo ho sakti hai');
    expect(text).toContain(
      `(${roughAmount(advice.windowDemand.low)}–${roughAmount(advice.windowDemand.high)})`,
    );
    expect(text).not.toContain('kam pakka');
    if (advice.orderUnits > 0) expect(text).toContain(`*${advice.orderUnits} kilo`);
  });

  it('hi-Latn: a festival months away gives its expected sales and when to ask, not a year of stock', async () => {
    const holi = festivalsBetween(2026, 2026).find((f) => f.id === 'holi')!.date;
    const advice = await coreRestock('maggi', () => buyingWindow('holi', holi));
    const text = await say('holi ke liye kitni maggi mangaun?');
    expect(text).toContain(`Holi (${shortDate(holi, 'hi-Latn')}) abhi door hai.`);
    expect(text).toContain(`Maggi ki bikri ~${roughAmount(advice.windowDemand.mean)} packet`);
    expect(text).toContain(
      `${shortDate(addDays(advice.orderByDate, -14), 'hi-Latn')} ke aas-paas phir poochhiye`,
    );
  });

  const priceCases: Array<{ lang: Lang; text: string; head: string }> = [
    {
      lang: 'hi-Latn',
      text: 'Maggi ka rate kya rakhun?',
      head: 'Maggi abhi ₹14 mein hai (MRP ₹15, lagat ₹11.50).',
    },
    {
      lang: 'en',
      text: 'what price should I keep for maggi?',
      head: 'Maggi noodles sells at ₹14 now (MRP ₹15, cost ₹11.50).',
    },
    { lang: 'hi', text: 'मैगी का भाव क्या रखूं', head: 'मैगी अभी ₹14 में है (MRP ₹15, लागत ₹11.50)।' },
  ];
  for (const c of priceCases) {
    it(`${c.lang}: "${c.text}" suggests the pricing core's price within cost floor and MRP`, async () => {
      const [product] = await createAdviceProductsRepository(database.pool).byCatalogIds(shopId, ['maggi']);
      const advice = await priceAdvice(database.pool, {
        shop: { id: shopId, stateCode: DEMO_SHOP.stateCode, minMarginBp: 500 },
        product: product!,
        today: TODAY,
      });
      const s = advice!.suggestion;
      const text = await say(c.text);
      expect(text).toContain(c.head);
      expect(s.pricePaise).toBeLessThanOrEqual(1500);
      expect(s.pricePaise).toBeGreaterThanOrEqual(s.floorPaise);
      if (s.kind === 'keep') expect(text).toContain(formatRupees(s.pricePaise));
      else {
        expect(text).toContain(`*${formatRupees(s.pricePaise)}*`);
        expect(text).toContain(`${Math.abs(Math.round(s.unitsChange * 100))}%`);
        expect(text).toContain(`~${formatRupees(Math.round(Math.abs(s.profitChangePaise) / 100) * 100)}`);
      }
      // Diwali's buying window has not begun on the 6th: no festival caution yet.
      expect(text).not.toMatch(/Diwali se pehle|before Diwali|दिवाली से पहले/);
    });
  }

  it('staff may ask what to order but not about prices, which show cost and profit', async () => {
    const staff = '+919999900007';
    await database.pool.query(`INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'staff')`, [
      shopId,
      staff,
    ]);
    const [price] = await simSay(clocked.app, staff, 'Maggi ka rate kya rakhun?');
    expect(price).toContain('Yeh sirf dukaan ke maalik kar sakte hain.');
    const [restock] = await simSay(clocked.app, staff, 'Diwali ke liye kitni Maggi mangaun?');
    expect(restock).toContain('🪔 Diwali (20 Oct) ke hafte mein Maggi ki bikri ~');
  });

  it('sends the festival list to the saved suppliers as one message each, once', async () => {
    const list = await say('diwali ke liye kya mangaun');
    expect(list).toContain('🪔 Diwali 14 din baad hai (20 Oct). Yeh mangaiye:');
    expect(list).toMatch(/Maggi \d+ packet/);
    expect(await say('maggi ka supplier 98765 43210')).toContain(
      `✅ Maggi ka supplier ${MAGGI_SUPPLIER} save kar liya.`,
    );
    expect(await say('snacks ka supplier 98111 22233')).toContain(
      `✅ snacks ka supplier ${SNACKS_SUPPLIER} save kar liya.`,
    );

    const confirmation = await say('order bhej do');
    expect(confirmation).toMatch(/✅ Order bhej diya: \d+ cheezein, 2 supplier ko\./);
    expect(confirmation).toContain('In ka supplier number nahi hai:');
    const maggiOrder = await waitFor(async () => {
      const out = (await simConversation(clocked.app, MAGGI_SUPPLIER)).filter((m) => m.direction === 'out');
      return out.length > 0 ? out : undefined;
    });
    expect(maggiOrder).toHaveLength(1);
    expect(maggiOrder[0]!.text).toMatch(
      /^🙏 Namaste, Sharma Kirana ka order:\nMaggi \d+ packet \(\d+ × 96\)\nKripya/,
    );
    const snacks = (await simConversation(clocked.app, SNACKS_SUPPLIER)).filter((m) => m.direction === 'out');
    expect(snacks).toHaveLength(1);
    expect(snacks[0]!.text).toMatch(/Kurkure|Lays|Biscuit/);
    expect(snacks[0]!.text).not.toContain('Maggi');

    // Sending again finds nothing new to send.
    expect(await say('order bhej do')).toContain('Bhejne ke liye koi list nahi hai.');
    const again = (await simConversation(clocked.app, MAGGI_SUPPLIER)).filter((m) => m.direction === 'out');
    expect(again).toHaveLength(1);
  });

  it('says how much of the order is already on its way when asked again', async () => {
    const advice = await coreRestock('maggi', () => buyingWindow('diwali', diwali));
    const sent = await database.pool.query<{ units: number }>(
      `SELECT sum((item->>'units')::numeric)::float8 AS units FROM restock_lists l, jsonb_array_elements(l.items) item
       WHERE l.shop_id = $1 AND l.sent_at IS NOT NULL AND (item->>'productId')::bigint =
         (SELECT id FROM products WHERE shop_id = $1 AND catalog_id = 'maggi')`,
      [shopId],
    );
    const text = await say('Diwali ke liye kitni Maggi mangaun?');
    // The order sent counts as stock on its way, so the new advice is smaller by about that much.
    expect(sent.rows[0]!.units).toBeGreaterThan(0);
    expect(advice.orderUnits).toBeGreaterThan(0);
    expect(text).toMatch(/abhi aur mangane ki zarurat nahi|\*\d+ packet/);
    if (text.includes('*')) {
      const ordered = Number(/\*(\d+) packet/.exec(text)![1]);
      expect(ordered).toBeLessThan(advice.orderUnits);
    }
  });
});
