import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool, withTransaction } from '../../../src/adapters/postgres/pool.js';
import { enterConversation } from '../../../src/adapters/postgres/repositories/conversation-entry.js';
import { createInboundMessagesRepository } from '../../../src/adapters/postgres/repositories/inbound-messages.js';
import { createShopsRepository } from '../../../src/adapters/postgres/repositories/shops.js';
import {
  channelQueryable,
  shopQueryable,
  withChannelTransaction,
  withShopTransaction,
  withSystemTransaction,
} from '../../../src/adapters/postgres/tenant-scope.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { isNothing, repositoryProbes } from './repository-probes.js';
import { type IsolationShop, seedTwoShops } from './two-shops.js';

// Row-level security (migrations 060 and 061) against real PostgreSQL and PGlite: connections of the
// application role see one shop's rows only in a transaction working for that shop, and nothing without
// one; the message tables open to the WhatsApp transport's 'channel' scope as well.

const APP_ROLE = 'billmitra_app';
// Keyed by chat: with no shop set only the transport's 'channel' scope (or 'system') sees their rows.
const MESSAGE_TABLES = ['inbound_messages', 'outbound_messages', 'conversation_state'];

describe.each<DatabaseKind>(['postgres', 'pglite'])('tenant isolation on %s', (kind) => {
  let db: TestDatabase;
  let app: Pool;
  let shopA: IsolationShop;
  let shopB: IsolationShop;
  let shopTables: string[];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    ({ shopA, shopB } = await seedTwoShops(db.pool, { a: '+919800000301', b: '+919800000302' }));
    const tables = await db.pool.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND (c.relname = 'shops' OR EXISTS (
           SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'shop_id' AND NOT a.attisdropped))
       ORDER BY 1`,
    );
    shopTables = tables.rows.map((row) => row.name);
    // One connection, so every check below reuses the connection the previous transaction had.
    app = createPool({ connectionString: db.url, max: 1, role: APP_ROLE });
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  const count = async (client: Pick<Pool, 'query'>, table: string, where = 'true', values: unknown[] = []) =>
    (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values))
      .rows[0]?.n;

  it('forces row-level security on every table that holds shop data', async () => {
    expect(shopTables.length).toBeGreaterThanOrEqual(23);
    const forced = await app.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relrowsecurity AND relforcerowsecurity AND relname = ANY($1)`,
      [shopTables],
    );
    expect(forced.rows.map((row) => row.name).sort()).toEqual([...shopTables].sort());
  });

  it('runs every pooled connection as the application role, which bypasses nothing', async () => {
    const role = await app.query<{ user: string; bypasses: boolean }>(
      `SELECT current_user AS user, rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role.rows).toEqual([{ user: APP_ROLE, bypasses: false }]);
  });

  it('keeps one generic plan per named statement on every pooled connection', async () => {
    const mode = await app.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode');
    expect(mode.rows).toEqual([{ plan_cache_mode: 'force_generic_plan' }]);
  });

  it('returns no shop rows to a query with no shop set (the policies fail closed)', async () => {
    for (const table of shopTables) {
      expect(await count(app, table), table).toBe(0);
      const own = await withShopTransaction(app, shopA.shopId, (client) => count(client, table));
      expect(own, table).toBeGreaterThan(0);
    }
  });

  it("shows a shop none of another shop's rows, in any table", async () => {
    for (const table of shopTables) {
      const column = table === 'shops' ? 'id' : 'shop_id';
      const foreign = await withShopTransaction(app, shopB.shopId, (client) =>
        count(client, table, `${column} = $1`, [shopA.shopId]),
      );
      expect(foreign, table).toBe(0);
      const everyShop = await withSystemTransaction(app, 'test: both shops seeded', (client) =>
        count(client, table, `${column} = $1`, [shopA.shopId]),
      );
      expect(everyShop, table).toBeGreaterThan(0);
    }
  });

  it('opens the message tables to the channel scope only, and no shop table to it', async () => {
    // A message not yet attributed to any shop, as the transport records it.
    await db.pool.query(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, body) VALUES ('simulator', 'chat-061', 'm-061', 'hi')`,
    );
    for (const table of MESSAGE_TABLES) {
      const everyRow = await withSystemTransaction(app, 'test: message rows seeded', (client) =>
        count(client, table),
      );
      expect(everyRow, table).toBeGreaterThan(0);
      expect(await count(app, table), `${table} with no scope`).toBe(0);
      expect(await count(channelQueryable(app), table), `${table} in the channel scope`).toBe(everyRow);
    }
    const unattributed = `chat_id = 'chat-061'`;
    expect(await count(app, 'inbound_messages', unattributed)).toBe(0);
    for (const shop of [shopA, shopB]) {
      const seen = await withShopTransaction(app, shop.shopId, async (client) => ({
        unattributed: await count(client, 'inbound_messages', unattributed),
        foreign: await count(client, 'inbound_messages', 'shop_id <> $1', [shop.shopId]),
      }));
      expect(seen).toEqual({ unattributed: 1, foreign: 0 });
    }
    await expect(
      app.query(
        `INSERT INTO inbound_messages (channel, chat_id, message_id, body) VALUES ('simulator', 'c', 'm', 'x')`,
      ),
    ).rejects.toThrow(/row-level security/);
    for (const table of shopTables.filter((name) => !MESSAGE_TABLES.includes(name))) {
      expect(await withChannelTransaction(app, (client) => count(client, table)), table).toBe(0);
    }
    expect(await count(channelQueryable(app), 'sales')).toBe(0);
  });

  // app_enter_conversation (migration 081): the inbound job's first statement, in the channel scope.
  const enterAs = (phone: string, chatId: string, now = new Date()) =>
    withChannelTransaction(app, async (client) => ({
      entry: await enterConversation(client, { phone, channel: 'simulator', chatId, now }),
      shop: (await client.query<{ shop: string }>(`SELECT current_setting('app.shop_id', true) AS shop`))
        .rows[0]?.shop,
      products: await count(client, 'products'),
      states: await count(client, 'conversation_state'),
    }));

  it("enters a member's shop and reads that shop's row and the chat's state, in one statement", async () => {
    const seen = await enterAs(shopA.ownerPhone, shopA.ownerPhone);
    expect(seen.entry).toEqual({
      membership: { shopId: shopA.shopId, phone: shopA.ownerPhone, role: 'owner' },
      shop: await createShopsRepository(shopQueryable(app, shopA.shopId)).find(shopA.shopId),
      state: { kind: 'note', secret: shopA.secretProduct.name },
    });
    expect(seen.entry.shop?.name).toBe(shopA.name);
    // The rest of the transaction works for shop A: its products, and no other shop's message rows.
    expect(seen.shop).toBe(String(shopA.shopId));
    const own = await withShopTransaction(app, shopA.shopId, (client) => count(client, 'products'));
    expect(seen.products).toBe(own);
    const visibleStates = await withShopTransaction(app, shopA.shopId, (client) =>
      count(client, 'conversation_state'),
    );
    expect(seen.states).toBe(visibleStates);
  });

  it("returns nothing of another shop when entering a member's shop, not even its chat state", async () => {
    // Shop B's owner writing in the chat whose state shop A left (a number that moved, a group chat).
    const seen = await enterAs(shopB.ownerPhone, shopA.ownerPhone);
    expect(seen.entry.membership?.shopId).toBe(shopB.shopId);
    expect(seen.entry.shop?.id).toBe(shopB.shopId);
    expect(seen.entry.state).toBeUndefined();
    const text = JSON.stringify(seen.entry);
    expect(text).not.toContain(shopA.secretProduct.name);
    expect(text).not.toContain(shopA.name);
  });

  it('enters nothing for a number of no shop and reads its chat state in the caller scope only', async () => {
    const chatId = '+919800000381';
    await db.pool.query(
      `INSERT INTO conversation_state (channel, chat_id, state, expires_at)
       VALUES ('simulator', $1, '{"kind": "onboarding", "step": "name"}', now() + interval '1 hour')`,
      [chatId],
    );
    const seen = await enterAs(chatId, chatId);
    expect(seen.entry).toEqual({
      membership: undefined,
      shop: undefined,
      state: { kind: 'onboarding', step: 'name' },
    });
    expect(seen.shop ?? '').toBe('');
    expect(seen.products).toBe(0);
    const expired = await enterAs(chatId, chatId, new Date(Date.now() + 2 * 60 * 60 * 1000));
    expect(expired.entry.state).toBeUndefined();
    // With no scope at all the message tables fail closed here too.
    const unscoped = await withTransaction(app, (client) =>
      enterConversation(client, { phone: chatId, channel: 'simulator', chatId, now: new Date() }),
    );
    expect(unscoped).toEqual({ membership: undefined, shop: undefined, state: undefined });
  });

  // app_record_inbound and app_forget_unqueued_inbound (migration 084): the transport's accepting
  // statements, sent on the bare pool, set the channel scope for themselves and put the caller's back.
  const seededDelivery = (shop: IsolationShop) => ({
    channel: 'simulator',
    chatId: shop.ownerPhone,
    messageId: `seed-${shop.secretProduct.name}`,
    body: 'a replay',
  });
  const scopeOf = async (client: Pick<Pool, 'query'>) =>
    (
      await client.query<{ scope: string | null; shop: string | null }>(
        `SELECT current_setting('app.scope', true) AS scope, current_setting('app.shop_id', true) AS shop`,
      )
    ).rows[0];

  it('records deliveries in the channel scope it sets itself, and leaves the caller scope as it was', async () => {
    const fresh = { channel: 'simulator', chatId: 'chat-084', messageId: 'm-084', body: 'hi' };
    const recorded = await createInboundMessagesRepository(app).recordMany([fresh, seededDelivery(shopA)]);
    expect(recorded).toEqual([
      { id: expect.any(Number), inserted: true, status: 'received' },
      { id: shopA.inboundId, inserted: false, status: 'processed' },
    ]);
    // Inside a transaction of no scope the scope is gone again after it: the tables fail closed.
    const after = await withTransaction(app, async (client) => {
      const again = await createInboundMessagesRepository(client).recordMany([fresh]);
      return {
        again,
        scope: (await scopeOf(client))?.scope ?? '',
        rows: await count(client, 'inbound_messages'),
      };
    });
    expect(after).toEqual({ again: [{ ...recorded[0], inserted: false }], scope: '', rows: 0 });
    await createInboundMessagesRepository(app).forgetUnqueuedMany([recorded[0]!.id]);
    expect(await count(db.pool, 'inbound_messages', 'id = $1', [recorded[0]!.id])).toBe(0);
  });

  it("neither shows nor takes back another shop's messages when called working for a shop", async () => {
    const received = await db.pool.query<{ id: number }>(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, body, shop_id)
       VALUES ('simulator', $1, 'm-084-a', 'of shop A, still received', $2) RETURNING id`,
      [shopA.ownerPhone, shopA.shopId],
    );
    const receivedId = received.rows[0]!.id;
    const seen = await withShopTransaction(app, shopB.shopId, async (client) => {
      const inbound = createInboundMessagesRepository(client);
      const replay = await inbound.recordMany([seededDelivery(shopA)]).catch((error: Error) => error.message);
      await inbound.forgetUnqueuedMany([receivedId, shopA.inboundId]);
      return { replay, own: await inbound.recordMany([seededDelivery(shopB)]), scope: await scopeOf(client) };
    });
    expect(seen).toEqual({
      replay: expect.stringMatching(/vanished/),
      own: [{ id: shopB.inboundId, inserted: false, status: 'processed' }],
      scope: { scope: '', shop: String(shopB.shopId) },
    });
    expect(await count(db.pool, 'inbound_messages', 'id = ANY($1)', [[receivedId, shopA.inboundId]])).toBe(2);
  });

  it('refuses to write a row for another shop', async () => {
    await expect(
      withShopTransaction(app, shopB.shopId, (client) =>
        client.query(
          `INSERT INTO category_suppliers (shop_id, category, phone) VALUES ($1, 'dairy', '+91')`,
          [shopA.shopId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withShopTransaction(app, shopB.shopId, (client) =>
      client.query('UPDATE products SET price_paise = 1 WHERE id = $1', [shopA.secretProduct.id]),
    );
    expect(updated.rowCount).toBe(0);
  });

  it('leaves no shop on a pooled connection after its transaction (set_config is local)', async () => {
    const inside = await withShopTransaction(app, shopA.shopId, async (client) => ({
      pid: (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid,
      products: await count(client, 'products'),
    }));
    expect(inside.products).toBeGreaterThan(0);
    const after = await app.query<{ pid: number; shop: string | null }>(
      `SELECT pg_backend_pid() AS pid, current_setting('app.shop_id', true) AS shop`,
    );
    expect(after.rows[0]?.pid).toBe(inside.pid);
    expect(after.rows[0]?.shop ?? '').toBe('');
    expect(await count(app, 'products')).toBe(0);
    expect(await count(app, 'sales')).toBe(0);
  });

  it("tells the transport only the language a member's shop chose (migration 082), in the scope it had", async () => {
    // Shop A chose Hindi in Devanagari; shop B's language was only guessed from its first messages.
    await db.pool.query(`UPDATE shops SET language = 'hi', language_chosen = true WHERE id = $1`, [
      shopA.shopId,
    ]);
    await db.pool.query(`UPDATE shops SET language_chosen = false WHERE id = $1`, [shopB.shopId]);
    const signature = await app.query(
      `SELECT pg_get_function_result(oid) AS result, pg_get_function_arguments(oid) AS arguments, proretset
       FROM pg_proc WHERE proname = 'app_chosen_language_of_member'`,
    );
    expect(signature.rows).toEqual([{ result: 'text', arguments: 'p_phone text', proretset: false }]);

    const lookUp = (client: Pick<Pool, 'query'>, phone: string) =>
      client.query('SELECT app_chosen_language_of_member($1) AS language', [phone]);
    const afterwards = async (client: Pick<Pool, 'query'>) =>
      (
        await client.query<{ scope: string; shop: number | null; shops: number }>(
          'SELECT app_scope() AS scope, app_current_shop() AS shop, (SELECT count(*)::int FROM shops) AS shops',
        )
      ).rows[0];
    const asTransport = await withChannelTransaction(app, async (client) => ({
      chosen: (await lookUp(client, shopA.ownerPhone)).rows,
      guessed: (await lookUp(client, shopB.ownerPhone)).rows,
      stranger: (await lookUp(client, '+919800000399')).rows,
      after: await afterwards(client),
    }));
    expect(asTransport).toEqual({
      chosen: [{ language: 'hi' }],
      guessed: [{ language: null }],
      stranger: [{ language: null }],
      after: { scope: 'channel', shop: null, shops: 0 },
    });
    const asShopB = await withShopTransaction(app, shopB.shopId, async (client) => ({
      chosen: (await lookUp(client, shopA.ownerPhone)).rows,
      after: await afterwards(client),
    }));
    expect(asShopB).toEqual({
      chosen: [{ language: 'hi' }],
      after: { scope: '', shop: shopB.shopId, shops: 1 },
    });
  });

  it('reads nothing of shop A through any repository when working for shop B', async () => {
    for (const [name, read] of repositoryProbes) {
      const own = await read(shopQueryable(app, shopA.shopId), shopA);
      expect(isNothing(own), `${name} as shop A`).toBe(false);
      const foreign = await read(shopQueryable(app, shopB.shopId), shopA);
      expect(foreign, `${name} as shop B`).toSatisfy(isNothing);
      expect(JSON.stringify(foreign ?? null), name).not.toContain(shopA.secretProduct.name);
    }
  });
});
