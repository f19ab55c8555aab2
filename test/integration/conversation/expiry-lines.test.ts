import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { shortDate } from '../../../src/core/conversation/calendar-words.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import { localDate } from '../../../src/core/language/days.js';
import type { Lang } from '../../../src/core/parse.js';
import { type ConversationHarness, startHarness } from './support.js';

// A purchase said with an expiry date keeps it through a "which product?" question, in each register, and
// a message listing several items puts the date only on the item(s) of the clause it was written in.

const today = localDate(new Date(), 'Asia/Kolkata');
const expires = addDays(today, 6);
const day = Number(expires.slice(8));
const later = addDays(today, 9);

const registers: Array<{
  lang: Lang;
  owner: string;
  purchase: string;
  asked: string;
  answer: string;
  noted: string;
}> = [
  {
    lang: 'hi-Latn',
    owner: '+919812200001',
    purchase: `10 magic aaya expiry ${day} tarikh`,
    asked: '"magic" se aapka matlab?',
    answer: 'maggi',
    noted: `Expiry ${shortDate(expires, 'hi-Latn')} likh li.`,
  },
  {
    lang: 'hi',
    owner: '+919812200002',
    purchase: `10 मैजिक आया, एक्सपायरी ${day} तारीख`,
    asked: '"मैजिक" से आपका मतलब?',
    answer: 'मैगी',
    noted: `एक्सपायरी ${shortDate(expires, 'hi')} लिख ली।`,
  },
  {
    lang: 'en',
    owner: '+919812200003',
    purchase: `received 10 magic, expiry ${day}`,
    asked: 'Which one is "magic"?',
    answer: 'maggi',
    noted: `Expiry ${shortDate(expires, 'en')} noted.`,
  },
];

describe('expiry dates on purchase lines', () => {
  let h: ConversationHarness;

  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  const shopFor = (owner: string, lang: Lang) =>
    createShop(h.database.pool, { name: `Expiry ${owner}`, ownerPhone: owner, language: lang });
  const batches = (shopId: number) =>
    h.query<{ product: string; expires: string; received: number }>(
      `SELECT p.catalog_id AS product, b.expires_on::text AS expires, b.received::float8 AS received
         FROM product_batches b JOIN products p ON p.id = b.product_id
        WHERE b.shop_id = $1 ORDER BY b.id`,
      [shopId],
    );

  for (const r of registers) {
    it(`${r.lang}: "${r.purchase}" keeps its expiry through the product question`, async () => {
      const shop = await shopFor(r.owner, r.lang);
      expect(await h.say(r.owner, r.purchase)).toContain(r.asked);
      expect(await batches(shop.id)).toEqual([]);
      const [bought, noted] = (await h.say(r.owner, r.answer, 2)).split('\n---\n');
      expect(bought).toContain('+10');
      expect(noted).toContain(r.noted);
      expect(await batches(shop.id)).toEqual([{ product: 'maggi', expires, received: 10 }]);
    });
  }

  it('puts the date on the item written next to it, also after a question', async () => {
    const owner = '+919812200004';
    const shop = await shopFor(owner, 'hi-Latn');
    await h.say(owner, `20 doodh aaya expiry ${day} tarikh, 10 bread`, 2);
    expect(await batches(shop.id)).toEqual([{ product: 'milk', expires, received: 20 }]);

    expect(await h.say(owner, `12 bread, 10 magic expiry ${day} tarikh aaya`)).toContain('"magic"');
    await h.say(owner, 'maggi', 2);
    expect((await batches(shop.id)).slice(1)).toEqual([{ product: 'maggi', expires, received: 10 }]);

    // Two dates, one per clause: each item its own, and neither read as the day of the purchase.
    const twoDates = `5 doodh aaya expiry ${day} tarikh, 8 bread expiry ${Number(later.slice(8))} tarikh`;
    const [bought] = (await h.say(owner, twoDates, 3)).split('\n---\n');
    expect(bought).toContain('Aaj');
    expect((await batches(shop.id)).slice(2)).toEqual([
      { product: 'milk', expires, received: 5 },
      { product: 'bread', expires: later, received: 8 },
    ]);
  });

  it('puts a date in a clause of its own, or in one clause with all the items, on every item', async () => {
    const owner = '+919812200005';
    const shop = await shopFor(owner, 'en');
    await h.say(owner, `received 20 milk, 10 bread, expiry ${day}`, 2);
    await h.say(owner, `received 4 milk and 6 bread expiring ${day}`, 2);
    expect(await batches(shop.id)).toEqual([
      { product: 'milk', expires, received: 20 },
      { product: 'bread', expires, received: 10 },
      { product: 'milk', expires, received: 4 },
      { product: 'bread', expires, received: 6 },
    ]);
  });
});
