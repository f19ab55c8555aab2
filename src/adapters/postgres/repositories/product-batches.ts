import type { Queryable } from '../pool.js';

// Received batches with an expiry date (migration 071). Sales take from the batch that expires first; an
// undone sale puts its units back the same way round (into the earliest-expiring batches that were drawn
// on), and an undone purchase takes its batches away.

export interface OpenBatch {
  productId: number;
  expiresOn: string;
  /** Units left in batches expiring that day. */
  remaining: number;
}

interface BatchRow {
  id: number;
  remaining: number;
  received: number;
}

export function createProductBatchesRepository(db: Queryable) {
  return {
    async add(batch: {
      shopId: number;
      productId: number;
      entryId: number | null;
      receivedOn: string;
      expiresOn: string;
      quantity: number;
    }): Promise<void> {
      if (!(batch.quantity > 0)) return;
      await db.query(
        `INSERT INTO product_batches (shop_id, product_id, entry_id, received_on, expires_on, received, remaining)
         VALUES ($1, $2, $3, $4, $5, $6, $6)`,
        [batch.shopId, batch.productId, batch.entryId, batch.receivedOn, batch.expiresOn, batch.quantity],
      );
    },

    /** Puts `quantity` units back, into the earliest-expiring batches that have room (an undone sale). */
    async restore(shopId: number, productId: number, quantity: number): Promise<void> {
      let left = quantity;
      if (!(left > 0)) return;
      const drawn = await db.query<BatchRow>(
        `SELECT id, remaining::float8 AS remaining, received::float8 AS received FROM product_batches
          WHERE shop_id = $1 AND product_id = $2 AND remaining < received
          ORDER BY expires_on, id FOR UPDATE`,
        [shopId, productId],
      );
      for (const batch of drawn.rows) {
        if (left <= 0) break;
        const give = Math.min(left, batch.received - batch.remaining);
        await db.query('UPDATE product_batches SET remaining = remaining + $2 WHERE id = $1', [
          batch.id,
          give,
        ]);
        left -= give;
      }
    },

    /** Products with stock in a batch expiring between the two days (inclusive). */
    async productsExpiringBetween(shopId: number, from: string, to: string): Promise<number[]> {
      const result = await db.query<{ productId: number }>(
        `SELECT DISTINCT product_id AS "productId" FROM product_batches
          WHERE shop_id = $1 AND remaining > 0 AND expires_on BETWEEN $2 AND $3 ORDER BY 1`,
        [shopId, from, to],
      );
      return result.rows.map((row) => row.productId);
    },

    async removeEntry(shopId: number, entryId: number): Promise<void> {
      await db.query('DELETE FROM product_batches WHERE shop_id = $1 AND entry_id = $2', [shopId, entryId]);
    },

    /** Per product, the first expiry day from `from` on still in stock, and how many units expire then. */
    async firstToExpire(
      shopId: number,
      productIds: readonly number[],
      from: string,
    ): Promise<Map<number, OpenBatch>> {
      const result = await db.query<OpenBatch>(
        `SELECT DISTINCT ON (product_id) product_id AS "productId", expires_on::text AS "expiresOn",
                sum(remaining) OVER (PARTITION BY product_id, expires_on)::float8 AS remaining
           FROM product_batches
          WHERE shop_id = $1 AND product_id = ANY($2::bigint[]) AND remaining > 0 AND expires_on >= $3
          ORDER BY product_id, expires_on`,
        [shopId, [...productIds], from],
      );
      return new Map(result.rows.map((row) => [row.productId, row]));
    },
  };
}
