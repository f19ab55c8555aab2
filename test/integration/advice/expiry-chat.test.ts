import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runAlertsJob from '../../../jobs/run-alerts.js';
import { createAdviceProductsRepository } from '../../../src/adapters/postgres/repositories/advice-products.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { priceAdvice } from '../../../src/app/advice/price-suggestion.js';
import { shortDate } from '../../../src/core/conversation/calendar-words.js';
import { formatRupees } from '../../../src/core/money.js';
import type { Lang } from '../../../src/core/parse.js';
import { simConversation, simSay } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { type ClockedApp, startClockedApp } from './clocked-app.js';

// Milk received with an expiry date, in each register: the purchase records a batch, two days' sales take
// from it first, and on the morning three days before it expires the alert run lists it once and the price
// question suggests the clearance price the pricing core gives for that stock.

const EXPIRES = '2026-11-27';
const ist = (date: string, time: string) => new Date(`${date}T${time}:00+05:30`);

const registers: Array<{
  lang: Lang;
  owner: string;
  purchase: string;
  sale: string;
  ask: string;
  noted: string;
  alertHead: string;
}> = [
  {
    lang: 'hi-Latn',
    owner: '+919811100071',
    purchase: '20 doodh aaya expiry 27 tarikh',
    sale: '2 doodh becha',
    ask: 'doodh ka rate kya rakhun?',
    noted: `Expiry ${shortDate(EXPIRES, 'hi-Latn')} likh li.`,
    alertHead: '⏳ Jaldi expire hone wala maal',
  },
  {
    lang: 'hi',
    owner: '+919811100072',
    purchase: '20 दूध आया, एक्सपायरी 27 तारीख',
    sale: '2 दूध बेचा',
    ask: 'दूध का भाव क्या रखूं',
    noted: `एक्सपायरी ${shortDate(EXPIRES, 'hi')} लिख ली।`,
    alertHead: '⏳ जल्दी एक्सपायर होने वाला माल',
  },
  {
    lang: 'en',
    owner: '+919811100073',
    purchase: 'received 20 milk expiring 27 Nov',
    sale: 'sold 2 milk',
    ask: 'what price should I keep for milk?',
    noted: `Expiry ${shortDate(EXPIRES, 'en')} noted.`,
    alertHead: "⏳ Expiring soon, won't sell in time",
  },
];

describe('stock near expiry: batches, clearance price and the morning alert', () => {
  let database: TestDatabase;
  let clocked: ClockedApp;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    clocked = await startClockedApp(database.url, ist('2026-11-22', '10:00'));
  }, 120_000);
  afterAll(async () => {
    await clocked?.stop();
    await database?.drop();
  });

  it('undo puts a sale back into its batches and takes an undone purchase batch away', async () => {
    const owner = '+919811100074';
    const shop = await createShop(database.pool, {
      name: 'Expiry undo',
      ownerPhone: owner,
      language: 'hi-Latn',
      stateCode: 'UP',
    });
    const say = (text: string, replies = 1) => simSay(clocked.app, owner, text, replies);
    const remaining = async () =>
      (
        await database.pool.query<{ remaining: number }>(
          'SELECT remaining::float8 AS remaining FROM product_batches WHERE shop_id = $1 ORDER BY id',
          [shop.id],
        )
      ).rows.map((row) => row.remaining);
    clocked.setNow(ist('2026-11-22', '10:00'));
    await say('10 doodh aaya expiry 26 tarikh', 2);
    await say('12 doodh aaya expiry 28 tarikh', 2);
    await say('13 doodh becha');
    // First to expire first: the 26th's batch is emptied, the 28th's gives 3.
    expect(await remaining()).toEqual([0, 9]);
    await say('undo');
    expect(await remaining()).toEqual([10, 12]);
    await say('undo');
    expect(await remaining()).toEqual([10]);
  });

  for (const r of registers) {
    it(`${r.lang}: "${r.purchase}", two days of sales, then "${r.ask}" and the morning alert`, async () => {
      const shop = await createShop(database.pool, {
        name: `Expiry ${r.lang}`,
        ownerPhone: r.owner,
        language: r.lang,
        stateCode: 'UP',
      });
      const say = (text: string, replies = 1) => simSay(clocked.app, r.owner, text, replies);

      clocked.setNow(ist('2026-11-22', '10:00'));
      const [bought, noted] = await say(r.purchase, 2);
      expect(bought).toContain('20');
      expect(noted).toContain(r.noted);
      await say(r.sale);
      clocked.setNow(ist('2026-11-23', '10:00'));
      await say(r.sale);

      const batches = await database.pool.query<{ expires: string; received: number; remaining: number }>(
        `SELECT expires_on::text AS expires, received::float8 AS received, remaining::float8 AS remaining
           FROM product_batches b JOIN products p ON p.id = b.product_id
          WHERE b.shop_id = $1 AND p.catalog_id = 'milk'`,
        [shop.id],
      );
      expect(batches.rows).toEqual([{ expires: EXPIRES, received: 20, remaining: 16 }]);

      // The morning run three days before expiry lists the milk; a second run that morning does not repeat it.
      let now = ist('2026-11-24', '09:00');
      const run = runAlertsJob({
        pool: database.pool,
        queue: clocked.app.services.queues,
        translator: clocked.app.services.translator,
        channelName: 'simulator',
        clock: () => now,
      });
      await run({ shopId: shop.id, kind: 'morning' });
      now = ist('2026-11-24', '10:30');
      await run({ shopId: shop.id, kind: 'morning' });
      const expiring = await database.pool.query<{ keys: string[] }>(
        `SELECT product_keys AS keys FROM alerts_sent WHERE shop_id = $1 AND kind = 'expiring'`,
        [shop.id],
      );
      expect(expiring.rows).toEqual([{ keys: ['milk'] }]);

      clocked.setNow(ist('2026-11-24', '11:00'));
      const [answer] = await say(r.ask);
      const [milk] = await createAdviceProductsRepository(database.pool).byCatalogIds(shop.id, ['milk']);
      const advice = await priceAdvice(database.pool, {
        shop: { id: shop.id, stateCode: 'UP', minMarginBp: shop.minMarginBp },
        product: milk!,
        today: '2026-11-24',
      });
      const s = advice!.suggestion;
      expect(s.kind).toBe('clearance');
      expect(s.reasons).toContain('near-expiry');
      expect(advice!.expiry).toMatchObject({ expiresOn: EXPIRES, daysToExpiry: 3, units: 16 });
      expect(s.pricePaise).toBeLessThan(s.currentPricePaise);
      expect(answer).toContain(`*${formatRupees(s.pricePaise)}*`);
      expect(answer).toContain(shortDate(EXPIRES, r.lang));

      const alert = (await simConversation(clocked.app, r.owner)).filter(
        (m) => m.direction === 'out' && m.text.startsWith(r.alertHead),
      );
      expect(alert).toHaveLength(1);
      expect(alert[0]!.text).toContain(formatRupees(s.pricePaise));
    });
  }
});
