import type { ForecastDay } from '../../../core/inventory/types.js';
import type { Queryable } from '../pool.js';

// What the forecast answers read: the nightly job's stored daily quantiles, and the sales history to
// forecast from when nothing is stored yet. A sale counts while it is neither voided nor part of an undone
// ledger entry (the same rule as the reports).

const COUNTED = `s.shop_id = $1 AND NOT s.voided
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = s.entry_id AND e.undone_at IS NOT NULL)`;

export interface SalesDay {
  productId: number;
  date: string;
  units: number;
  /** Average shelf price that day, in paise. */
  pricePaise: number;
}

export function createForecastStore(db: Queryable) {
  return {
    /** Stored forecast days per product within [start, end], oldest first. */
    async stored(
      shopId: number,
      productIds: readonly number[],
      start: string,
      end: string,
    ): Promise<Map<number, ForecastDay[]>> {
      const result = await db.query<ForecastDay & { productId: number }>(
        `SELECT product_id AS "productId", to_char(target_date, 'YYYY-MM-DD') AS date,
           mean::float8 AS mean, p10::float8 AS p10, p50::float8 AS p50, p90::float8 AS p90
         FROM forecasts WHERE shop_id = $1 AND product_id = ANY($2::bigint[])
           AND target_date BETWEEN $3 AND $4
         ORDER BY product_id, target_date`,
        [shopId, [...productIds], start, end],
      );
      const byProduct = new Map<number, ForecastDay[]>();
      for (const { productId, ...day } of result.rows) {
        const days = byProduct.get(productId) ?? [];
        days.push(day);
        byProduct.set(productId, days);
      }
      return byProduct;
    },

    /** Units sold per product and day within [from, to]; days without sales have no row. */
    async dailySales(
      shopId: number,
      productIds: readonly number[],
      from: string,
      to: string,
    ): Promise<SalesDay[]> {
      const result = await db.query<SalesDay>(
        `SELECT s.product_id AS "productId", to_char(s.sale_date, 'YYYY-MM-DD') AS date,
           sum(s.quantity)::float8 AS units,
           (sum(s.amount_paise) / nullif(sum(s.quantity), 0))::float8 AS "pricePaise"
         FROM sales s
         WHERE ${COUNTED} AND s.product_id = ANY($2::bigint[]) AND s.sale_date BETWEEN $3 AND $4
         GROUP BY s.product_id, s.sale_date ORDER BY s.product_id, s.sale_date`,
        [shopId, [...productIds], from, to],
      );
      return result.rows;
    },

    /** Whether any sale was logged on this shop-local day. */
    async anySalesOn(shopId: number, date: string): Promise<boolean> {
      const result = await db.query(`SELECT 1 FROM sales s WHERE ${COUNTED} AND s.sale_date = $2 LIMIT 1`, [
        shopId,
        date,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}

export type ForecastStore = ReturnType<typeof createForecastStore>;
