import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationHarness, onboard, startHarness } from './support.js';

// Replies a QA pass found wrong, driven through the simulator, the real queues and PostgreSQL. Each shop
// chose its language at onboarding (so a bare "undo" is answered in it) and writes in that register.

const SHOPS = {
  'hi-Latn': { phone: '+919840000001', choice: '1' },
  hi: { phone: '+919840000002', choice: '2' },
  en: { phone: '+919840000003', choice: '3' },
} as const;

describe('replies found wrong in QA', () => {
  let h: ConversationHarness;
  const stockOf = async (phone: string, product: string) =>
    (
      await h.query<{ stock: number }>(
        `SELECT p.stock_quantity AS stock FROM products p JOIN shop_members m ON m.shop_id = p.shop_id
         WHERE m.phone = $1 AND p.catalog_id = $2`,
        [phone, product],
      )
    )[0]?.stock;

  beforeAll(async () => {
    h = await startHarness();
    for (const shop of Object.values(SHOPS))
      await onboard(h, shop.phone, `Kirana ${shop.phone.slice(-1)}`, shop.choice);
  });
  afterAll(async () => {
    await h?.stop();
  });

  // Messages in each register: the Hindi shop writes Devanagari, so nothing depends on its chosen language.
  const SAY = {
    'hi-Latn': { sale: '18 maggi', count: 'maggi ka stock 30', undo: 'undo', came: '10 maggi aaya' },
    hi: { sale: '18 मैगी', count: 'मैगी का स्टॉक 30', undo: 'हटाओ', came: '10 मैगी आया' },
    en: { sale: 'sold 18 maggi', count: 'maggi stock is 30 now', undo: 'undo', came: '10 maggi came' },
  } as const;

  it.each([
    ['hi-Latn', '(pehle koi stock likha nahi tha)', 'Maggi ka stock phir se likha nahi hai.'],
    ['hi', '(पहले कोई स्टॉक लिखा नहीं था)', 'मैगी का स्टॉक फिर से लिखा नहीं है।'],
    ['en', '(no stock was recorded before)', 'Maggi noodles has no stock recorded again.'],
  ] as const)(
    '%s: a count after sales with no stock never shows a negative stock',
    async (lang, set, back) => {
      const { phone } = SHOPS[lang];
      const say = SAY[lang];
      await h.say(phone, say.sale);
      expect(await stockOf(phone, 'maggi')).toBe(-18);
      const counted = await h.say(phone, say.count);
      expect(counted).toContain(set);
      expect(counted).not.toContain('-18');
      expect(await stockOf(phone, 'maggi')).toBe(30);
      const undone = await h.say(phone, say.undo);
      expect(undone).toContain(back);
      expect(undone).not.toContain('-18');
      // Stock coming in while the book is still below zero names no negative stock either.
      const came = await h.say(phone, say.came);
      expect(came).toMatch(/\+10\n/);
      expect(came).not.toContain('-8');
      expect(await stockOf(phone, 'maggi')).toBe(-8);
    },
  );
});
