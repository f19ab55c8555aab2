import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBillMitra } from '../../../src/main.js';
import { simConversation, simSay, simSend, startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// Delivery guarantees seen from the ledger: a message delivered twice is one sale; a job that dies after
// writing the sale but before its reply is stored writes one sale and sends one reply when retried; a
// question asked before a restart is answered after it.

const OWNER = '+919820000001';

describe('exactly-once ledger writes', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;
  const query = async (sql: string, params?: unknown[]) => (await database.pool.query(sql, params)).rows;
  const outCount = async (chat: string) =>
    (await simConversation(app, chat)).filter((m) => m.direction === 'out').length;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = await startTestApp({ databaseUrl: database.url });
    for (const text of ['namaste', 'Delivery Kirana', 'skip', 'skip']) await simSay(app, OWNER, text);
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('logs a sale delivered twice with the same message id once and answers once', async () => {
    const before = await outCount(OWNER);
    const first = await simSend(app, { from: OWNER, text: '7 maggi', id: 'wamid-sale-1' });
    const second = await simSend(app, { from: OWNER, text: '7 maggi', id: 'wamid-sale-1' });
    expect(((await second.json()) as { status: string }).status).toBe('duplicate');
    expect(first.status).toBe(202);
    await waitFor(async () => (await outCount(OWNER)) > before, { what: 'the reply' });
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    expect(await outCount(OWNER)).toBe(before + 1);
    const sales = await query(
      `SELECT s.quantity FROM sales s JOIN ledger_entries e ON e.id = s.entry_id
       JOIN inbound_messages m ON m.id = e.inbound_message_id WHERE m.message_id = 'wamid-sale-1'`,
    );
    expect(sales).toEqual([{ quantity: 7 }]);
  });

  it('writes one sale and one reply when the job fails after the ledger write and is retried', async () => {
    // A real failure inside the job's transaction, after the sale rows are written: the first reply
    // insert for this chat raises. Sequences are not rolled back, so they count attempts across retries.
    await query(`CREATE SEQUENCE test_reply_failures; CREATE SEQUENCE test_sale_writes`);
    await query(`
      CREATE FUNCTION test_fail_first_reply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.chat_id = '${OWNER}' AND nextval('test_reply_failures') = 1 THEN
          RAISE EXCEPTION 'simulated crash between the ledger write and the reply';
        END IF;
        RETURN NEW;
      END $$;
      CREATE FUNCTION test_count_sale_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM nextval('test_sale_writes'); RETURN NEW; END $$;
      CREATE TRIGGER test_fail_first_reply BEFORE INSERT ON outbound_messages
        FOR EACH ROW EXECUTE FUNCTION test_fail_first_reply();
      CREATE TRIGGER test_count_sale_writes AFTER INSERT ON sales
        FOR EACH ROW EXECUTE FUNCTION test_count_sale_writes();`);
    try {
      const before = await outCount(OWNER);
      const [reply] = await simSay(app, OWNER, '3 kurkure');
      expect(reply).toContain('Kurkure 3 × ₹20 = ₹60');
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
      expect(await outCount(OWNER)).toBe(before + 1);

      const [attempts] = await query(
        `SELECT (SELECT last_value FROM test_sale_writes) AS sale_writes,
                (SELECT last_value FROM test_reply_failures) AS reply_attempts`,
      );
      // The sale was written twice (first attempt rolled back), the reply attempted twice.
      expect(attempts).toEqual({ sale_writes: 2, reply_attempts: 2 });
      const rows = await query(
        `SELECT s.quantity, s.amount_paise AS amount, m.status FROM sales s
         JOIN ledger_entries e ON e.id = s.entry_id JOIN inbound_messages m ON m.id = e.inbound_message_id
         WHERE m.body = '3 kurkure'`,
      );
      expect(rows).toEqual([{ quantity: 3, amount: 6000, status: 'processed' }]);
      const [movements] = await query(
        `SELECT count(*)::int AS n FROM stock_movements sm JOIN products p ON p.id = sm.product_id
         WHERE p.catalog_id = 'kurkure'`,
      );
      expect(movements).toEqual({ n: 1 });
    } finally {
      await query(`DROP TRIGGER test_fail_first_reply ON outbound_messages;
        DROP TRIGGER test_count_sale_writes ON sales;
        DROP FUNCTION test_fail_first_reply(); DROP FUNCTION test_count_sale_writes();
        DROP SEQUENCE test_reply_failures; DROP SEQUENCE test_sale_writes;`);
    }
  });

  it('keeps a pending question across a restart and applies the answer afterwards', async () => {
    const [question] = await simSay(app, OWNER, '4 zorbo');
    expect(question).toContain('"zorbo"');
    await app.stop();
    app = await startTestApp({ databaseUrl: database.url });
    // The option numbers depend on the catalog's near matches; pick the one offering a new product.
    const newOption = /(\d+)\) zorbo \(new product\)/.exec(question ?? '')?.[1];
    expect(newOption).toBeDefined();
    const [answer] = await simSay(app, OWNER, newOption ?? '');
    expect(answer).toContain("What is zorbo's selling price?");
    const [done] = await simSay(app, OWNER, '12');
    expect(done).toContain('Zorbo 4 × ₹12 = ₹48');
    const rows = await query(
      `SELECT p.name_en AS name, p.price_paise AS price, s.quantity FROM sales s
       JOIN products p ON p.id = s.product_id WHERE p.catalog_id = 'custom_zorbo'`,
    );
    expect(rows).toEqual([{ name: 'zorbo', price: 1200, quantity: 4 }]);
  });
});
