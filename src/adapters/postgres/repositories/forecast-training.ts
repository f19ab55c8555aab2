import type {
  LedgerProduct,
  LedgerSalesDay,
  LedgerStockDay,
  TrainingSeries,
} from '../../../app/forecasting/daily-series.js';
import type { Queryable } from '../pool.js';

// What the features job reads from the ledger (daily sales, stock journal, shelf prices) and the training
// input it leaves for the training job, one row per shop and forecast day. A sale counts while it is
// neither voided nor part of an undone ledger entry (the same rule as the reports and the advice).

const COUNTED = `s.shop_id = $1 AND NOT s.voided
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = s.entry_id AND e.undone_at IS NOT NULL)`;

export interface ForecastShop {
  id: number;
  stateCode: string | null;
  timeZone: string;
}

export interface TrainingInput {
  stateCode: string | null;
  series: TrainingSeries[];
  /** Other shops' long histories in the same categories, pooled into a young shop's global model. */
  donors?: TrainingSeries[];
}

export interface DonorSalesDay extends LedgerSalesDay {
  category: string;
}

export interface StoredTrainingSet {
  asOf: string;
  fingerprint: string;
  reason: string;
  input: TrainingInput;
}

/** Training inputs older than this many days before the newest are pruned on each write. */
const KEEP_DAYS = 14;

export function createForecastTrainingRepository(db: Queryable) {
  return {
    async shop(shopId: number): Promise<ForecastShop | undefined> {
      const result = await db.query<ForecastShop>(
        'SELECT id, state_code AS "stateCode", time_zone AS "timeZone" FROM shops WHERE id = $1',
        [shopId],
      );
      return result.rows[0];
    },

    async products(shopId: number): Promise<LedgerProduct[]> {
      const result = await db.query<LedgerProduct>(
        `SELECT id, category, price_paise::float8 AS "pricePaise", stock_quantity::float8 AS stock
         FROM products WHERE shop_id = $1 AND active ORDER BY id`,
        [shopId],
      );
      return result.rows;
    },

    /** Units and average price per product and day in [from, to]; days without a sale have no row. */
    async dailySales(shopId: number, from: string, to: string): Promise<LedgerSalesDay[]> {
      const result = await db.query<LedgerSalesDay>(
        `SELECT s.product_id AS "productId", to_char(s.sale_date, 'YYYY-MM-DD') AS date,
           sum(s.quantity)::float8 AS units,
           coalesce(sum(s.amount_paise) / nullif(sum(s.quantity), 0), 0)::float8 AS "pricePaise"
         FROM sales s WHERE ${COUNTED} AND s.sale_date BETWEEN $2 AND $3
         GROUP BY s.product_id, s.sale_date ORDER BY s.product_id, s.sale_date`,
        [shopId, from, to],
      );
      return result.rows;
    },

    /** Net stock change per product and day, every day of the journal (today's stock is the sum's end). */
    async stockDays(shopId: number): Promise<LedgerStockDay[]> {
      const result = await db.query<LedgerStockDay>(
        `SELECT product_id AS "productId", to_char(business_date, 'YYYY-MM-DD') AS date,
           sum(delta)::float8 AS delta
         FROM stock_movements WHERE shop_id = $1
         GROUP BY product_id, business_date ORDER BY product_id, business_date`,
        [shopId],
      );
      return result.rows;
    },

    /**
     * Daily sales of up to `limit` products of other shops in these categories that sold on most days of
     * [from, to] and are still selling: what a young shop's model learns festivals and weekdays from.
     */
    async donorSales(
      shopId: number,
      categories: readonly string[],
      from: string,
      to: string,
      limit: number,
    ): Promise<DonorSalesDay[]> {
      const result = await db.query<DonorSalesDay>(
        `WITH donors AS (
           SELECT p.id, p.category FROM products p JOIN sales s ON s.product_id = p.id AND NOT s.voided
           WHERE p.shop_id <> $1 AND p.category = ANY($2::text[]) AND s.sale_date BETWEEN $3 AND $4
           GROUP BY p.id, p.category
           HAVING count(DISTINCT s.sale_date) >= 300 AND max(s.sale_date) >= $4::date - 14
           ORDER BY count(DISTINCT s.sale_date) DESC, p.id LIMIT $5
         )
         SELECT s.product_id AS "productId", to_char(s.sale_date, 'YYYY-MM-DD') AS date,
           sum(s.quantity)::float8 AS units,
           coalesce(sum(s.amount_paise) / nullif(sum(s.quantity), 0), 0)::float8 AS "pricePaise", d.category
         FROM sales s JOIN donors d ON d.id = s.product_id
         WHERE NOT s.voided AND s.sale_date BETWEEN $3 AND $4
         GROUP BY s.product_id, s.sale_date, d.category ORDER BY s.product_id, s.sale_date`,
        [shopId, [...categories], from, to, limit],
      );
      return result.rows;
    },

    /** Stores the input for (shop, asOf); true when it changed (a new fingerprint or a new day). */
    async saveTrainingSet(shopId: number, set: StoredTrainingSet): Promise<boolean> {
      const result = await db.query(
        `INSERT INTO forecast_training_sets (shop_id, as_of, fingerprint, reason, series_count, input)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (shop_id, as_of) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
           reason = EXCLUDED.reason, series_count = EXCLUDED.series_count, input = EXCLUDED.input,
           built_at = now()
         WHERE forecast_training_sets.fingerprint <> EXCLUDED.fingerprint`,
        [shopId, set.asOf, set.fingerprint, set.reason, set.input.series.length, JSON.stringify(set.input)],
      );
      await db.query(
        `DELETE FROM forecast_training_sets WHERE shop_id = $1 AND as_of < $2::date - $3::integer`,
        [shopId, set.asOf, KEEP_DAYS],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async trainingSet(shopId: number, asOf: string): Promise<StoredTrainingSet | undefined> {
      const result = await db.query<StoredTrainingSet>(
        `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", fingerprint, reason, input
         FROM forecast_training_sets WHERE shop_id = $1 AND as_of = $2`,
        [shopId, asOf],
      );
      return result.rows[0];
    },
  };
}

export type ForecastTrainingRepository = ReturnType<typeof createForecastTrainingRepository>;
