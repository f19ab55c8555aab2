import type { Queryable } from '../pool.js';

// Writes the training job's daily quantiles and per-product explanations. Keyed by (shop, product, target
// day) and (shop, product); a row forecast from a later origin is never replaced by one from an earlier
// origin, so a stale retry cannot roll the forecasts back.

export interface ForecastDayRow {
  productId: number;
  targetDate: string;
  modelKind: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ExplanationRow {
  productId: number;
  explanation: Record<string, unknown>;
}

export function createForecastWrites(db: Queryable) {
  return {
    /** Takes the shop's forecast lock for the rest of the transaction (one writer per shop at a time). */
    async lockShop(shopId: number): Promise<void> {
      await db.query("SELECT pg_advisory_xact_lock(hashtext('forecasts'), $1::integer)", [shopId]);
    },

    async upsertDays(
      shopId: number,
      originDate: string,
      modelVersionId: number,
      rows: readonly ForecastDayRow[],
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const result = await db.query(
        `INSERT INTO forecasts (shop_id, product_id, target_date, origin_date, model_version_id, model_kind,
           mean, p10, p50, p90)
         SELECT $1, r.product_id, r.target_date, $2, $3, r.model_kind, r.mean, r.p10, r.p50, r.p90
         FROM unnest($4::bigint[], $5::date[], $6::text[], $7::numeric[], $8::numeric[], $9::numeric[],
                     $10::numeric[]) AS r(product_id, target_date, model_kind, mean, p10, p50, p90)
         ON CONFLICT (shop_id, product_id, target_date) DO UPDATE SET origin_date = EXCLUDED.origin_date,
           model_version_id = EXCLUDED.model_version_id, model_kind = EXCLUDED.model_kind,
           mean = EXCLUDED.mean, p10 = EXCLUDED.p10, p50 = EXCLUDED.p50, p90 = EXCLUDED.p90, created_at = now()
         WHERE forecasts.origin_date <= EXCLUDED.origin_date`,
        [
          shopId,
          originDate,
          modelVersionId,
          rows.map((row) => row.productId),
          rows.map((row) => row.targetDate),
          rows.map((row) => row.modelKind),
          rows.map((row) => row.mean),
          rows.map((row) => row.p10),
          rows.map((row) => row.p50),
          rows.map((row) => row.p90),
        ],
      );
      return result.rowCount ?? 0;
    },

    async upsertExplanations(
      shopId: number,
      originDate: string,
      rows: readonly ExplanationRow[],
    ): Promise<number> {
      if (rows.length === 0) return 0;
      const result = await db.query(
        `INSERT INTO forecast_explanations (shop_id, product_id, origin_date, explanation)
         SELECT $1, r.product_id, $2, r.explanation
         FROM unnest($3::bigint[], $4::jsonb[]) AS r(product_id, explanation)
         ON CONFLICT (shop_id, product_id) DO UPDATE SET origin_date = EXCLUDED.origin_date,
           explanation = EXCLUDED.explanation, created_at = now()
         WHERE forecast_explanations.origin_date <= EXCLUDED.origin_date`,
        [
          shopId,
          originDate,
          rows.map((row) => row.productId),
          rows.map((row) => JSON.stringify(row.explanation)),
        ],
      );
      return result.rowCount ?? 0;
    },
  };
}

export type ForecastWrites = ReturnType<typeof createForecastWrites>;
