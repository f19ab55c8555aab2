import { randomBytes } from 'node:crypto';
import type { Pool } from '../../../src/adapters/postgres/pool.js';
import { localDate } from '../../../src/core/language/days.js';
import { type SeededShop, seedShopWithHistory, storeForecasts } from '../dashboard/shop-history.js';

// Two shops with a row in every table that holds shop data, seeded by the schema owner (before any
// connection switches to the application role), for the tenant isolation tests.

export interface IsolationShop extends SeededShop {
  name: string;
  /** A product only this shop has; its name must never show up in the other shop's answers. */
  secretProduct: { id: number; name: string };
  entryId: number;
  importId: number;
  inboundId: number;
  outboundId: number;
  sessionTokenHash: string;
  asOf: string;
}

async function insertId(pool: Pool, sql: string, values: unknown[]): Promise<number> {
  const result = await pool.query<{ id: number }>(sql, values);
  const row = result.rows[0];
  if (!row) throw new Error(`no row from: ${sql}`);
  return row.id;
}

export async function seedIsolationShop(
  pool: Pool,
  options: { name: string; ownerPhone: string; today: string; seed: number; secret: string },
): Promise<IsolationShop> {
  const shop = await seedShopWithHistory(pool, { ...options, days: 30 });
  await storeForecasts(pool, shop.shopId, options.today, 7);
  const { shopId, ownerPhone } = shop;
  const product = [...shop.productIds.values()][0];
  const secretId = await insertId(
    pool,
    `INSERT INTO products (shop_id, catalog_id, name_en, unit, price_paise, category)
     VALUES ($1, $2, $3, 'pc', 1000, 'snacks') RETURNING id`,
    [shopId, `custom-${options.secret.toLowerCase()}`, options.secret],
  );
  const entryId = await insertId(
    pool,
    `INSERT INTO ledger_entries (shop_id, kind, business_date, actor_phone) VALUES ($1, 'purchase', $2, $3)
     RETURNING id`,
    [shopId, options.today, ownerPhone],
  );
  await pool.query(
    `INSERT INTO purchases (shop_id, entry_id, product_id, purchase_date, quantity, unit, amount_paise)
     VALUES ($1, $2, $3, $4, 5, 'pc', 5000)`,
    [shopId, entryId, secretId, options.today],
  );
  await pool.query(
    `INSERT INTO stock_movements (shop_id, product_id, entry_id, delta, reason, business_date)
     VALUES ($1, $2, $3, 5, 'purchase', $4)`,
    [shopId, secretId, entryId, options.today],
  );
  await pool.query(
    `INSERT INTO price_changes (shop_id, product_id, entry_id, field, old_paise, new_paise, effective_date)
     VALUES ($1, $2, $3, 'price', 1000, 1200, $4)`,
    [shopId, secretId, entryId, options.today],
  );
  await pool.query(
    `INSERT INTO product_batches (shop_id, product_id, entry_id, received_on, expires_on, received, remaining)
     VALUES ($1, $2, $3, $4, $4::date + 5, 5, 5)`,
    [shopId, secretId, entryId, options.today],
  );
  await pool.query(
    `INSERT INTO price_elasticities (shop_id, product_id, category, elasticity, se, estimated_on)
     VALUES ($1, $2, 'snacks', -1.2, 0.3, $3)`,
    [shopId, secretId, options.today],
  );
  await pool.query(`INSERT INTO product_aliases (shop_id, alias, product_id) VALUES ($1, $2, $3)`, [
    shopId,
    `${options.secret.toLowerCase()}-alias`,
    secretId,
  ]);
  await pool.query(`INSERT INTO category_suppliers (shop_id, category, phone) VALUES ($1, 'snacks', $2)`, [
    shopId,
    ownerPhone,
  ]);
  await pool.query(
    `INSERT INTO restock_lists (shop_id, source, items, created_at) VALUES ($1, 'chat', $2, now())`,
    [shopId, JSON.stringify([{ productId: secretId, units: 4 }])],
  );
  await pool.query(
    `INSERT INTO forecast_training_sets (shop_id, as_of, fingerprint, reason, series_count, input)
     VALUES ($1, $2, 'fp', 'test', 1, '{"series": []}')`,
    [shopId, options.today],
  );
  const importId = await insertId(
    pool,
    `INSERT INTO dashboard_imports (shop_id, file_name, csv) VALUES ($1, $2, 'date,product,quantity')
     RETURNING id`,
    [shopId, `${options.secret}.csv`],
  );
  const sessionTokenHash = randomBytes(32).toString('hex');
  await pool.query(
    `INSERT INTO dashboard_sessions (token_hash, shop_id, phone, expires_at)
     VALUES ($1, $2, $3, now() + interval '1 hour')`,
    [sessionTokenHash, shopId, ownerPhone],
  );
  const inboundId = await insertId(
    pool,
    `INSERT INTO inbound_messages (channel, chat_id, message_id, sender_phone, body, status, shop_id)
     VALUES ('simulator', $1, $2, $1, $3, 'processed', $4) RETURNING id`,
    [ownerPhone, `seed-${options.secret}`, `5 ${options.secret}`, shopId],
  );
  const outboundId = await insertId(
    pool,
    `INSERT INTO outbound_messages (channel, chat_id, shop_id, inbound_message_id, body, dedupe_key, status,
       provider_message_id, sent_at)
     VALUES ('simulator', $1, $2, $3, $4, $5, 'queued', $5, now()) RETURNING id`,
    [ownerPhone, shopId, inboundId, `Logged ${options.secret}`, `seed-${options.secret}`],
  );
  await pool.query(
    `INSERT INTO alerts_sent (shop_id, kind, dedupe_key, local_date, product_id, outbound_message_id)
     VALUES ($1, 'low-stock', $2, $3, $4, $5)`,
    [shopId, `seed-${options.secret}`, options.today, product, outboundId],
  );
  await pool.query(
    `INSERT INTO conversation_state (channel, chat_id, shop_id, state)
     VALUES ('simulator', $1, $2, $3)`,
    [ownerPhone, shopId, JSON.stringify({ kind: 'note', secret: options.secret })],
  );
  return {
    ...shop,
    name: options.name,
    secretProduct: { id: secretId, name: options.secret },
    entryId,
    importId,
    inboundId,
    outboundId,
    sessionTokenHash,
    asOf: options.today,
  };
}

/** Shop A ('Gupta Stores', secret product 'Zafranwala') and shop B ('Verma Kirana', 'Kesarwala'). */
export async function seedTwoShops(
  pool: Pool,
  phones: { a: string; b: string },
): Promise<{ shopA: IsolationShop; shopB: IsolationShop }> {
  const today = localDate(new Date(), 'Asia/Kolkata');
  const shopA = await seedIsolationShop(pool, {
    name: 'Gupta Stores',
    ownerPhone: phones.a,
    today,
    seed: 3,
    secret: 'Zafranwala',
  });
  const shopB = await seedIsolationShop(pool, {
    name: 'Verma Kirana',
    ownerPhone: phones.b,
    today,
    seed: 4,
    secret: 'Kesarwala',
  });
  return { shopA, shopB };
}
