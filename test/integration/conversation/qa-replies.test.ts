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

  it.each([
    ['hi-Latn', 'help', 'Main yeh kar sakta hoon:', /[\u0900-\u097F]/u],
    ['hi', 'मदद', 'मैं ये कर सकता हूँ:', /[A-Za-z]/],
    ['en', 'help', 'I can:', /[\u0900-\u097F]/u],
  ] as const)(
    '%s: help fits a phone screen, in the shopkeeper’s script, with examples',
    async (lang, ask, head, other) => {
      const text = await h.say(SHOPS[lang].phone, ask);
      expect(text.startsWith(head)).toBe(true);
      expect(text.split('\n').length).toBeLessThanOrEqual(7);
      expect(text.match(/•/g)).toHaveLength(5);
      expect(text.match(/"/g)?.length).toBeGreaterThanOrEqual(10);
      // Hindi help carries no Latin words ("alerts band karo", "english please" were mixed in before).
      expect(text.replace(/mrp/gi, '')).not.toMatch(other);
    },
  );

  it.each([
    [
      'hi-Latn',
      'aaj ka sale 5600',
      'Sirf kul rakam (₹5,600) se bikri nahi likh sakta',
      '"18 maggi, 2 kilo cheeni"',
    ],
    ['hi', 'आज की बिक्री 5600', 'सिर्फ़ कुल रकम (₹5,600) से बिक्री नहीं लिख सकता', '"18 मैगी, 2 किलो चीनी"'],
    ['en', '28+15+60', 'not only the total (₹103)', '"18 maggi, 2 kg sugar"'],
  ] as const)('%s: takings without items are explained, not logged', async (lang, say, why, how) => {
    const { phone } = SHOPS[lang];
    const before = await h.query('SELECT id FROM ledger_entries');
    const text = await h.say(phone, say);
    expect(text).toContain(why);
    expect(text).toContain(how);
    expect(await h.query('SELECT id FROM ledger_entries')).toEqual(before);
  });

  it('applies the waiting sale when the question is answered by teaching the word', async () => {
    const { phone } = SHOPS['hi-Latn'];
    expect(await h.say(phone, '5 magic')).toContain('"magic" se aapka matlab?');
    const stock = await stockOf(phone, 'maggi');
    expect(await h.say(phone, 'magic matlab maggi')).toContain('Maggi 5 × ₹14 = ₹70');
    expect(await stockOf(phone, 'maggi')).toBe((stock ?? 0) - 5);
    expect(await h.query('SELECT alias FROM product_aliases WHERE alias = $1', ['magic'])).toHaveLength(1);
    expect(await h.query('SELECT 1 FROM conversation_state WHERE chat_id = $1', [phone])).toEqual([]);
    expect(await h.say(phone, '2 magic')).toContain('Maggi 2 × ₹14 = ₹28');
  });

  it.each([
    ['hi-Latn', '18 maggi, kurkure', 'Kurkure 1 × ₹20 = ₹20 (ginti nahi likhi, 1 maana)'],
    ['hi', '18 मैगी, कुरकुरे', 'कुरकुरे 1 × ₹20 = ₹20 (गिनती नहीं लिखी, 1 माना)'],
    ['en', 'sold 18 maggi, kurkure', 'Kurkure 1 × ₹20 = ₹20 (no count given, taken as 1)'],
  ] as const)(
    '%s: an item without a count is logged as 1 and the confirmation says so',
    async (lang, say, line) => {
      const text = await h.say(SHOPS[lang].phone, say);
      expect(text).toContain(line);
      expect(text).toContain('18 × ₹14 = ₹252\n');
    },
  );
});
