import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import type { JobPublisher } from '../../../src/adapters/queue/payloads.js';
import { acceptInbound } from '../../../src/app/accept-inbound.js';
import { handleInbound } from '../../../src/app/handle-inbound.js';
import { createResponder } from '../../../src/app/responder.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';

// A sale or purchase is written in one statement (entry, lines, movements, stock). These pin the rows it
// leaves to what the line-by-line writes left: one row per line in the order said, a movement per line, the
// stock moved by the sum for a product named twice, and a said purchase cost recorded and undoable.

const OWNER = '+919840000001';

describe.each<DatabaseKind>(['postgres', 'pglite'])('batched ledger writes (%s)', (kind) => {
  let database: TestDatabase;
  let shopId: number;
  let sequence = 0;
  const respond = createResponder({ translator: createTranslator() });
  const queue: JobPublisher = { publish: async () => {} };
  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await database.pool.query(sql, params)).rows as T[];

  /** Accepts and handles one message as the job would; returns the reply text. */
  const say = async (text: string): Promise<string> => {
    sequence += 1;
    const accepted = await acceptInbound(
      { db: database.pool, queue },
      { channel: 'simulator', chatId: OWNER, senderPhone: OWNER, messageId: `m-${sequence}`, text },
    );
    await handleInbound(
      { pool: database.pool, queue, respond, canSendImages: false },
      accepted.inboundMessageId,
    );
    const rows = await query<{ body: string }>(
      'SELECT body FROM outbound_messages WHERE inbound_message_id = $1 ORDER BY id',
      [accepted.inboundMessageId],
    );
    return rows.map((row) => row.body).join('\n');
  };
  const product = async (catalogId: string) =>
    (
      await query<{ id: number; price: number; cost: number | null; stock: number }>(
        `SELECT id, price_paise AS price, cost_paise AS cost, stock_quantity AS stock FROM products
         WHERE shop_id = $1 AND catalog_id = $2`,
        [shopId, catalogId],
      )
    )[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const shop = await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Batch Kirana', ownerPhone: OWNER, language: 'en' }),
    );
    shopId = shop.id;
    await say('maggi ka stock 50');
    await say('lays ka stock 20');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('writes a row and a movement per line, in order, and moves a product named twice by both', async () => {
    const maggi = await product('maggi');
    const lays = await product('lays');
    const reply = await say('2 maggi, 1 lays, 3 maggi');
    expect(reply).toContain('Maggi noodles 2 × ₹14 = ₹28');
    expect(reply).toContain("Lay's chips 1 × ₹20 = ₹20");
    expect(reply).toContain('Maggi noodles 3 × ₹14 = ₹42');

    const [entry] = await query<{ id: number; kind: string; actor: string }>(
      `SELECT e.id, e.kind, e.actor_phone AS actor FROM ledger_entries e
       JOIN inbound_messages m ON m.id = e.inbound_message_id WHERE m.message_id = $1`,
      [`m-${sequence}`],
    );
    expect(entry).toMatchObject({ kind: 'sale', actor: OWNER });
    expect(
      await query(
        `SELECT product_id AS product, quantity, unit, unit_price_paise AS price, amount_paise AS amount,
           cost_paise AS cost, shop_id AS shop FROM sales WHERE entry_id = $1 ORDER BY id`,
        [entry!.id],
      ),
    ).toEqual([
      {
        product: maggi.id,
        quantity: 2,
        unit: 'packet',
        price: 1400,
        amount: 2800,
        cost: maggi.cost,
        shop: shopId,
      },
      {
        product: lays.id,
        quantity: 1,
        unit: 'packet',
        price: 2000,
        amount: 2000,
        cost: lays.cost,
        shop: shopId,
      },
      {
        product: maggi.id,
        quantity: 3,
        unit: 'packet',
        price: 1400,
        amount: 4200,
        cost: maggi.cost,
        shop: shopId,
      },
    ]);
    expect(
      await query(
        `SELECT product_id AS product, delta, reason, shop_id AS shop FROM stock_movements
         WHERE entry_id = $1 ORDER BY id`,
        [entry!.id],
      ),
    ).toEqual([
      { product: maggi.id, delta: -2, reason: 'sale', shop: shopId },
      { product: lays.id, delta: -1, reason: 'sale', shop: shopId },
      { product: maggi.id, delta: -3, reason: 'sale', shop: shopId },
    ]);
    expect((await product('maggi')).stock).toBe(maggi.stock - 5);
    expect((await product('lays')).stock).toBe(lays.stock - 1);
  });

  it('records a said purchase cost with the entry, and undo puts stock and cost back', async () => {
    const sugar = await product('sugar');
    const reply = await say('kharida 10 kilo cheeni 42 rupay kilo');
    expect(reply).toContain('Cost ₹420');
    const after = await product('sugar');
    expect(after).toMatchObject({ cost: 4200, stock: sugar.stock + 10 });
    const [line] = await query<{ quantity: number; cost: number; amount: number; entry: number }>(
      `SELECT quantity, unit_cost_paise AS cost, amount_paise AS amount, entry_id AS entry FROM purchases
       WHERE shop_id = $1 AND product_id = $2`,
      [shopId, sugar.id],
    );
    expect(line).toMatchObject({ quantity: 10, cost: 4200, amount: 42000 });
    expect(
      await query('SELECT field, old_paise AS old, new_paise AS new FROM price_changes WHERE entry_id = $1', [
        line!.entry,
      ]),
    ).toEqual([{ field: 'cost', old: sugar.cost, new: 4200 }]);
    expect(await say('undo')).toContain('Undone');
    expect(await product('sugar')).toEqual(sugar);
  });

  it('writes nothing twice when the same message is handled again', async () => {
    const before = await query('SELECT count(*)::int AS n FROM sales WHERE shop_id = $1', [shopId]);
    await say('4 maggi');
    const [last] = await query<{ id: number }>('SELECT id FROM inbound_messages WHERE message_id = $1', [
      `m-${sequence}`,
    ]);
    await handleInbound({ pool: database.pool, queue, respond, canSendImages: false }, last!.id);
    const after = await query<{ n: number }>('SELECT count(*)::int AS n FROM sales WHERE shop_id = $1', [
      shopId,
    ]);
    expect(after[0]!.n).toBe((before[0] as { n: number }).n + 1);
  });
});
