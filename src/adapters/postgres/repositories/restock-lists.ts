import type { Queryable } from '../pool.js';

// The restock list the shop was last shown, kept so "order bhej do" sends exactly that list, and the
// lists already sent, which count as stock on its way until the goods are logged as purchases.

export interface RestockListItem {
  /** products.id */
  productId: number;
  units: number;
}

export interface RestockListRow {
  id: number;
  source: 'chat' | 'alert';
  festivalId: string | null;
  items: RestockListItem[];
  createdAt: Date;
}

export function createRestockListsRepository(db: Queryable) {
  return {
    async save(
      shopId: number,
      list: { source: 'chat' | 'alert'; festivalId?: string | null; items: RestockListItem[]; at: Date },
    ): Promise<number> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO restock_lists (shop_id, source, festival_id, items, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [shopId, list.source, list.festivalId ?? null, JSON.stringify(list.items), list.at],
      );
      const row = result.rows[0];
      if (!row) throw new Error('restock list insert returned no row');
      return row.id;
    },

    /** The newest list not sent yet, if it was made after `since`; locked so two "send" messages send once. */
    async lockLatestUnsent(shopId: number, since: Date): Promise<RestockListRow | undefined> {
      const result = await db.query<RestockListRow & { sent: boolean }>(
        `SELECT id, source, festival_id AS "festivalId", items, created_at AS "createdAt",
           sent_at IS NOT NULL AS sent
         FROM restock_lists WHERE shop_id = $1 AND created_at >= $2
         ORDER BY id DESC LIMIT 1 FOR UPDATE`,
        [shopId, since],
      );
      const row = result.rows[0];
      if (!row || row.sent) return undefined;
      const { sent: _sent, ...list } = row;
      return list;
    },

    async markSent(id: number, at: Date): Promise<void> {
      await db.query('UPDATE restock_lists SET sent_at = $2 WHERE id = $1', [id, at]);
    },

    /**
     * Units per product ordered since `since` and not yet arrived: what was sent less what was logged as
     * purchased after the order went out (never below zero).
     */
    async onOrder(shopId: number, since: Date): Promise<Map<number, number>> {
      const result = await db.query<{ productId: number; units: number }>(
        `WITH ordered AS (
           SELECT (item->>'productId')::bigint AS product_id, sum((item->>'units')::numeric) AS units,
             min(l.sent_at) AS first_sent
           FROM restock_lists l, jsonb_array_elements(l.items) AS item
           WHERE l.shop_id = $1 AND l.sent_at >= $2 GROUP BY 1)
         SELECT o.product_id AS "productId", greatest(0, o.units - coalesce((
             SELECT sum(p.quantity) FROM purchases p WHERE p.product_id = o.product_id AND NOT p.voided
               AND p.created_at >= o.first_sent), 0))::float8 AS units
         FROM ordered o`,
        [shopId, since],
      );
      return new Map(result.rows.map((row) => [row.productId, row.units]));
    },
  };
}

export type RestockListsRepository = ReturnType<typeof createRestockListsRepository>;
