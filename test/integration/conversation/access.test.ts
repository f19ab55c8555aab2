import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationHarness, onboard, startHarness } from './support.js';

// Who may read and change a shop: a stranger only ever onboards their own shop; staff log sales and
// stock but change no prices or staff; the owner's settings (prices, alerts, language) stick.

const OWNER = '+919830000001';
const STAFF = '+919830000002';
const STRANGER = '+919830000003';

describe('access and settings', () => {
  let h: ConversationHarness;
  const shopOf = async (phone: string) =>
    (await h.query<{ shop_id: number }>('SELECT shop_id FROM shop_members WHERE phone = $1', [phone]))[0]
      ?.shop_id;
  const maggi = async (phone: string) =>
    (
      await h.query<{ price: number; cost: number; mrp: number; stock: number }>(
        `SELECT price_paise AS price, cost_paise AS cost, mrp_paise AS mrp, stock_quantity AS stock
         FROM products WHERE shop_id = $1 AND catalog_id = 'maggi'`,
        [await shopOf(phone)],
      )
    )[0];

  beforeAll(async () => {
    h = await startHarness();
    await onboard(h, OWNER, 'Owner Stores');
    await h.say(OWNER, 'maggi ka stock 50');
    await h.say(OWNER, '10 maggi');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("gives a stranger only onboarding, never the shop's data", async () => {
    const entries = await h.query('SELECT id, undone_at FROM ledger_entries ORDER BY id');
    const reply = await h.say(STRANGER, 'maggi kitni bachi hai');
    expect(reply).toContain('dukaan ka naam kya hai');
    expect(reply).not.toContain('40');
    expect(await h.say(STRANGER, 'undo')).not.toContain('Hata diya');
    expect(await shopOf(STRANGER)).toBeUndefined();
    expect(await h.query('SELECT id, undone_at FROM ledger_entries ORDER BY id')).toEqual(entries);
    expect((await maggi(OWNER))?.stock).toBe(40);
  });

  it("lets the stranger set up their own shop, which sees nothing of the other's", async () => {
    expect(await h.say(STRANGER, 'skip')).toContain('Kis bhasha mein');
    await h.say(STRANGER, 'skip');
    expect(await h.say(STRANGER, 'skip')).toContain('Meri Dukaan taiyaar hai');
    expect(await shopOf(STRANGER)).not.toBe(await shopOf(OWNER));
    expect(await h.say(STRANGER, 'maggi kitni bachi hai')).toContain('Maggi ka stock likha nahi hai');
    expect(await h.say(STRANGER, 'undo')).toBe('Nothing to undo.');
    expect((await maggi(OWNER))?.stock).toBe(40);
  });

  it('lets the owner add staff, who log sales but change no prices and add no staff', async () => {
    expect(await h.say(OWNER, 'staff add 98300 00002')).toContain(`${STAFF} is now staff`);
    expect(await h.say(STAFF, '2 maggi')).toContain('Maggi noodles 2 × ₹14 = ₹28');
    const [entry] = await h.query(`SELECT shop_id, actor_phone FROM ledger_entries WHERE actor_phone = $1`, [
      STAFF,
    ]);
    expect(entry).toEqual({ shop_id: await shopOf(OWNER), actor_phone: STAFF });

    expect(await h.say(STAFF, 'maggi ka rate 10')).toContain('sirf dukaan ke maalik');
    expect((await maggi(OWNER))?.price).toBe(1400);
    expect(await h.say(STAFF, 'staff add 9830000009')).toContain('Only the shop owner can do that');
    expect(await shopOf('+919830000009')).toBeUndefined();
    expect(await h.say(STAFF, 'help')).not.toContain('rate');
    expect(await h.say(OWNER, 'staff add 9830000003')).toContain('already belongs to a shop');
  });

  it('lets the owner remove staff, after which the number is a stranger again', async () => {
    expect(await h.say(OWNER, 'staff hatao 9830000002')).toContain(`${STAFF} ab staff nahi hai`);
    expect(await shopOf(STAFF)).toBeUndefined();
    expect(await h.say(STAFF, '2 maggi')).toContain("What is your shop's name?");
    expect((await maggi(OWNER))?.stock).toBe(38);
  });

  it('refuses a price above the MRP with the reason, and sets price, cost and MRP', async () => {
    expect(await h.say(OWNER, 'maggi ka rate 20')).toContain('MRP ₹15 hai');
    expect((await maggi(OWNER))?.price).toBe(1400);
    expect(await h.say(OWNER, 'maggi mrp 16')).toContain('₹15 → *₹16*');
    expect(await h.say(OWNER, 'maggi ka rate 16')).toContain('₹14 → *₹16*');
    expect(await h.say(OWNER, 'maggi ki lagat 12.50')).toContain('*₹12.50*');
    expect(await maggi(OWNER)).toMatchObject({ price: 1600, cost: 1250, mrp: 1600 });
    expect(await h.say(OWNER, 'undo')).toBe('↩️ Undone: Maggi noodles cost is back to ₹11.50.');
    expect(await h.say(OWNER, 'undo')).toBe('↩️ Undone: Maggi noodles price is back to ₹14.');
    expect(await maggi(OWNER)).toMatchObject({ price: 1400, mrp: 1600 });
    const changes = await h.query(
      `SELECT pc.field, pc.old_paise AS old, pc.new_paise AS new, e.undone_at IS NOT NULL AS undone
       FROM price_changes pc JOIN ledger_entries e ON e.id = pc.entry_id ORDER BY pc.id`,
    );
    expect(changes).toEqual([
      { field: 'mrp', old: 1500, new: 1600, undone: false },
      { field: 'price', old: 1400, new: 1600, undone: true },
      { field: 'cost', old: 1150, new: 1250, undone: true },
    ]);
    // English names the product without a possessive ("Maggi noodles's" read badly).
    expect(await h.say(OWNER, 'mrp of maggi 12')).toBe(
      '⚠️ MRP ₹12 is below the selling price of Maggi noodles (₹14). Lower the price first, e.g. "Maggi noodles price ₹12".',
    );
  });

  it('answers an unparseable message with short help in the sender’s language', async () => {
    expect(await h.say(OWNER, 'asdf qwer zxcv')).toContain('Sorry, I did not get that');
    expect(await h.say(OWNER, 'kuch bhi nahi pata yaar')).toContain('samajh nahi aaya');
    expect(await h.say(OWNER, 'क ख ग')).toContain('समझ नहीं आया');
  });

  it('turns alerts off and on, and keeps a chosen language', async () => {
    expect(await h.say(OWNER, 'alerts band karo')).toContain('Alerts band');
    expect(await h.query('SELECT alerts_enabled FROM shops WHERE id = $1', [await shopOf(OWNER)])).toEqual([
      { alerts_enabled: false },
    ]);
    expect(await h.say(OWNER, 'alerts chalu karo')).toContain('Alerts chalu');
    expect(await h.say(OWNER, 'english please')).toContain('reply in English');
    expect(await h.say(OWNER, 'aaj 2 maggi')).toContain('Sales logged for today');
    expect(
      await h.query('SELECT language, language_chosen, alerts_enabled FROM shops WHERE id = $1', [
        await shopOf(OWNER),
      ]),
    ).toEqual([{ language: 'en', language_chosen: true, alerts_enabled: true }]);
  });

  it('drops an unanswered question when the next message is new work', async () => {
    expect(await h.say(OWNER, '3 zzqx')).toContain('"zzqx"');
    expect(await h.say(OWNER, '2 lays')).toContain("Lay's chips 2 × ₹20 = ₹40");
    expect(await h.query('SELECT 1 FROM conversation_state WHERE chat_id = $1', [OWNER])).toEqual([]);
    expect(await h.say(OWNER, '1')).toContain('I can:');
  });

  it('adds a product and teaches a word in chat, and the next messages use them', async () => {
    expect(await h.say(OWNER, 'naya product Magic Masala 10 rs')).toContain('Added Magic Masala at ₹10');
    expect(await h.say(OWNER, '3 magic masala')).toContain('Magic Masala 3 × ₹10 = ₹30');
    expect(await h.say(OWNER, 'chaska matlab kurkure')).toContain('"chaska" means Kurkure');
    expect(await h.say(OWNER, '4 chaska')).toContain('Kurkure 4 × ₹20 = ₹80');
    const rows = await h.query(
      `SELECT p.catalog_id AS product, s.quantity FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.shop_id = $1 AND p.catalog_id IN ('custom_magic_masala', 'kurkure') ORDER BY s.id`,
      [await shopOf(OWNER)],
    );
    expect(rows).toEqual([
      { product: 'custom_magic_masala', quantity: 3 },
      { product: 'kurkure', quantity: 4 },
    ]);
    expect(
      await h.query('SELECT alias FROM product_aliases WHERE shop_id = $1', [await shopOf(OWNER)]),
    ).toEqual([{ alias: 'chaska' }]);
  });

  it('takes the cost a purchase names as the new cost, and undo restores it', async () => {
    const sugar = async () =>
      (
        await h.query<{ cost: number; stock: number }>(
          `SELECT cost_paise AS cost, stock_quantity AS stock FROM products
           WHERE shop_id = $1 AND catalog_id = 'sugar'`,
          [await shopOf(OWNER)],
        )
      )[0];
    const before = await sugar();
    expect(await h.say(OWNER, 'kharida 10 kilo cheeni 42 rupay kilo')).toContain('Cost ₹420');
    expect(await sugar()).toEqual({ cost: 4200, stock: (before?.stock ?? 0) + 10 });
    expect(await h.say(OWNER, 'undo')).toContain('Undone: stock in');
    expect(await sugar()).toEqual(before);
  });
});
