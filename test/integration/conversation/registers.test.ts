import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../src/core/language/days.js';
import type { DatabaseKind } from '../support/services.js';
import { type ConversationHarness, startHarness } from './support.js';

// A shopkeeper's first day, scripted in each register through the simulator, the real queues and
// PostgreSQL: onboarding, a day of sales, a purchase, a stock check, an undo and an ambiguous product.
// Every step checks the reply text and the rows it left in the ledger.

interface Script {
  register: 'hi-Latn' | 'hi' | 'en';
  phone: string;
  onboarding: Array<[say: string, expect: string]>;
  shop: { name: string; language: string; state: string | null };
  sales: { say: string; expect: string[] };
  yesterday: { say: string; expect: string };
  purchase: { say: string; expect: string };
  stock: { say: string; expect: string };
  undo: { expect: string };
  ambiguous: { say: string; expect: string; answer: string; confirm: string };
}

const SCRIPTS: Script[] = [
  {
    register: 'hi-Latn',
    phone: '+919810000001',
    onboarding: [
      ['namaste', 'dukaan ka naam kya hai'],
      ['Gupta Kirana', 'Kis bhasha mein'],
      ['1', 'kis rajya mein'],
      ['UP', 'Gupta Kirana taiyaar hai'],
    ],
    shop: { name: 'Gupta Kirana', language: 'hi-Latn', state: 'UP' },
    sales: {
      say: 'aaj 18 maggi, 6 kurkure, 2 kilo cheeni',
      expect: [
        '✅ Aaj ki bikri likh li:',
        'Maggi 18 × ₹14 = ₹252',
        'Kurkure 6 × ₹20 = ₹120',
        'Cheeni 2 kilo × ₹46 = ₹92',
        '*Kul ₹464.* Galti ho to "undo" likhiye.',
      ],
    },
    yesterday: { say: 'kal 4 doodh', expect: 'Doodh 4 litre × ₹68 = ₹272' },
    purchase: { say: 'aaya 2 carton maggi 1150 rs', expect: 'Maggi +192 (ab stock 174)' },
    stock: { say: 'maggi kitni bachi hai', expect: '📦 Maggi: 174 stock mein hai.' },
    undo: { expect: '↩️ Hata diya: Aaj aaya maal:\nMaggi 192' },
    ambiguous: {
      say: '5 magic',
      expect: '"magic" se aapka matlab?',
      answer: 'maggi',
      confirm: 'Maggi 5 × ₹14 = ₹70',
    },
  },
  {
    register: 'hi',
    phone: '+919810000002',
    onboarding: [
      ['नमस्ते', 'दुकान का नाम क्या है'],
      ['शर्मा जनरल स्टोर', 'किस भाषा में'],
      ['2', 'किस राज्य में'],
      ['उत्तर प्रदेश', 'शर्मा जनरल स्टोर तैयार है'],
    ],
    shop: { name: 'शर्मा जनरल स्टोर', language: 'hi', state: 'UP' },
    sales: {
      say: 'आज 18 मैगी, 6 कुरकुरे, 2 किलो चीनी',
      expect: [
        '✅ आज की बिक्री लिख ली:',
        'मैगी 18 × ₹14 = ₹252',
        'कुरकुरे 6 × ₹20 = ₹120',
        'चीनी 2 किलो × ₹46 = ₹92',
        '*कुल ₹464।*',
      ],
    },
    yesterday: { say: 'कल 4 दूध', expect: 'दूध 4 लीटर × ₹68 = ₹272' },
    purchase: { say: '2 कार्टन मैगी आया 1150 रुपये', expect: 'मैगी +192 (अब स्टॉक 174)' },
    stock: { say: 'मैगी कितनी बची है', expect: '📦 मैगी: 174 स्टॉक में है।' },
    undo: { expect: '↩️ हटा दिया: आज आया माल:\nमैगी 192' },
    ambiguous: { say: '5 मैजिक', expect: '"मैजिक" से आपका मतलब?', answer: 'मैगी', confirm: 'मैगी 5 × ₹14 = ₹70' },
  },
  {
    register: 'en',
    phone: '+919810000003',
    onboarding: [
      ['hello', "What is your shop's name?"],
      ['Corner Store', 'Which language should I use?'],
      ['3', 'Which state is the shop in'],
      ['skip', 'Corner Store is ready'],
    ],
    shop: { name: 'Corner Store', language: 'en', state: null },
    sales: {
      say: 'sold 18 maggi, 6 kurkure, 2 kg sugar',
      expect: [
        '✅ Sales logged for today:',
        'Maggi noodles 18 × ₹14 = ₹252',
        'Kurkure 6 × ₹20 = ₹120',
        'Sugar 2 kg × ₹46 = ₹92',
        '*Total ₹464.* Wrong? Type "undo".',
      ],
    },
    yesterday: { say: 'yesterday 4 milk', expect: 'Milk 4 L × ₹68 = ₹272' },
    purchase: { say: 'received 2 cartons maggi for 1150', expect: 'Maggi noodles +192 (stock now 174)' },
    stock: { say: 'how much maggi left', expect: '📦 Maggi noodles: 174 in stock.' },
    undo: { expect: '↩️ Undone: stock in of today:\nMaggi noodles 192' },
    ambiguous: {
      say: '5 magic',
      expect: 'Which one is "magic"?',
      answer: 'maggi',
      confirm: 'Maggi noodles 5 × ₹14 = ₹70',
    },
  },
];

describe.each<DatabaseKind>(['postgres', 'pglite'])('a first day in each register on %s', (kind) => {
  let h: ConversationHarness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => {
    await h?.stop();
  });

  describe.each(SCRIPTS)('$register', (script) => {
    const shopId = async () =>
      (
        await h.query<{ shop_id: number }>('SELECT shop_id FROM shop_members WHERE phone = $1', [
          script.phone,
        ])
      )[0]?.shop_id;
    const stockOf = async (catalogId: string) =>
      (
        await h.query<{ stock: number }>(
          'SELECT stock_quantity AS stock FROM products WHERE shop_id = $1 AND catalog_id = $2',
          [await shopId(), catalogId],
        )
      )[0]?.stock;

    it('onboards a new number with the default catalog', async () => {
      for (const [say, expected] of script.onboarding) {
        expect(await h.say(script.phone, say)).toContain(expected);
      }
      const [shop] = await h.query(
        `SELECT s.name, s.language, s.state_code AS state, m.role,
           (SELECT count(*)::int FROM products p WHERE p.shop_id = s.id AND p.stock_quantity = 0) AS products
         FROM shops s JOIN shop_members m ON m.shop_id = s.id WHERE m.phone = $1`,
        [script.phone],
      );
      expect(shop).toMatchObject({ ...script.shop, role: 'owner' });
      expect(shop?.products).toBeGreaterThan(100);
    });

    it('logs a day of sales with prices, total and stock', async () => {
      const reply = await h.say(script.phone, script.sales.say);
      for (const line of script.sales.expect) expect(reply).toContain(line);
      const rows = await h.query(
        `SELECT p.catalog_id AS product, s.quantity, s.unit_price_paise AS price, s.amount_paise AS amount,
           s.sale_date = $2::date AS today
         FROM sales s JOIN products p ON p.id = s.product_id WHERE s.shop_id = $1 ORDER BY s.id`,
        [await shopId(), localDate(new Date(), 'Asia/Kolkata')],
      );
      expect(rows).toEqual([
        { product: 'maggi', quantity: 18, price: 1400, amount: 25200, today: true },
        { product: 'kurkure', quantity: 6, price: 2000, amount: 12000, today: true },
        { product: 'sugar', quantity: 2, price: 4600, amount: 9200, today: true },
      ]);
      expect(await stockOf('maggi')).toBe(-18);
      const [entry] = await h.query(`SELECT kind FROM ledger_entries WHERE shop_id = $1`, [await shopId()]);
      expect(entry).toEqual({ kind: 'sale' });
    });

    it('puts a sale said for yesterday on yesterday', async () => {
      expect(await h.say(script.phone, script.yesterday.say)).toContain(script.yesterday.expect);
      const [row] = await h.query<{ sale_date: string }>(
        `SELECT s.sale_date FROM sales s JOIN products p ON p.id = s.product_id
         WHERE s.shop_id = $1 AND p.catalog_id = 'milk'`,
        [await shopId()],
      );
      expect(row?.sale_date).toBe(localDate(new Date(), 'Asia/Kolkata', -1));
    });

    it('logs a purchase in cartons as packets with its cost', async () => {
      expect(await h.say(script.phone, script.purchase.say)).toContain(script.purchase.expect);
      const rows = await h.query(
        `SELECT quantity, unit, amount_paise AS amount FROM purchases WHERE shop_id = $1 AND NOT voided`,
        [await shopId()],
      );
      expect(rows).toEqual([{ quantity: 192, unit: 'packet', amount: 115000 }]);
      expect(await stockOf('maggi')).toBe(174);
    });

    it('answers a stock question without writing anything', async () => {
      const before = await h.query('SELECT count(*)::int AS n FROM ledger_entries');
      expect(await h.say(script.phone, script.stock.say)).toBe(script.stock.expect);
      expect(await h.query('SELECT count(*)::int AS n FROM ledger_entries')).toEqual(before);
    });

    it('undoes the last entry, restoring the stock, and says what it undid', async () => {
      expect(await h.say(script.phone, 'undo')).toContain(script.undo.expect);
      const rows = await h.query(
        `SELECT e.kind, e.undone_at IS NOT NULL AS undone, pu.voided FROM ledger_entries e
         JOIN purchases pu ON pu.entry_id = e.id WHERE e.shop_id = $1`,
        [await shopId()],
      );
      expect(rows).toEqual([{ kind: 'purchase', undone: true, voided: true }]);
      expect(await stockOf('maggi')).toBe(-18);
    });

    it('asks about an unknown product, keeps the question, and applies the answer', async () => {
      const sales = async () =>
        (await h.query('SELECT count(*)::int AS n FROM sales WHERE shop_id = $1', [await shopId()]))[0]?.n;
      const before = await sales();
      const question = await h.say(script.phone, script.ambiguous.say);
      expect(question).toContain(script.ambiguous.expect);
      expect(await sales()).toBe(before);
      const [pending] = await h.query<{ kind: string }>(
        `SELECT state->>'kind' AS kind FROM conversation_state WHERE chat_id = $1`,
        [script.phone],
      );
      expect(pending?.kind).toBe('pick_product');

      expect(await h.say(script.phone, script.ambiguous.answer)).toContain(script.ambiguous.confirm);
      expect(await sales()).toBe((before as number) + 1);
      expect(await h.query('SELECT 1 FROM conversation_state WHERE chat_id = $1', [script.phone])).toEqual(
        [],
      );
      // The word is learned: the same message now goes straight into the ledger.
      expect(await h.say(script.phone, script.ambiguous.say)).toContain(script.ambiguous.confirm);
      expect(await sales()).toBe((before as number) + 2);
    });
  });
});
