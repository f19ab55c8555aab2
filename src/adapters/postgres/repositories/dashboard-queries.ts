import type { Queryable } from '../pool.js';

// Read-only queries behind the dashboard pages. Every one is scoped by shop id; the caller has already
// checked that the viewer belongs to that shop. A sale counts while it is neither voided nor part of an
// undone ledger entry (the same rule as the reports repository).

const COUNTED = `NOT s.voided
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = s.entry_id AND e.undone_at IS NOT NULL)`;

export interface ProductNames {
  en: string;
  hi: string;
}

export interface ProductSummaryRow {
  id: number;
  catalogId: string;
  names: ProductNames;
  category: string;
  unit: string;
  pricePaise: number;
  costPaise: number | null;
  mrpPaise: number | null;
  packSize: number;
  shelfLifeDays: number | null;
  leadTimeDays: number | null;
  stock: number;
  onOrder: number;
  /** Units sold over the 28 days before today. */
  units28: number;
  revenue28Paise: number;
  /** Forecast mean over the next 7 days, null when there is no forecast. */
  forecast7: number | null;
}

export interface DailyUnitsRow {
  date: string;
  units: number;
  /** Revenue over units: the shelf price that day. */
  avgPricePaise: number;
}

export interface ForecastRow {
  productId: number;
  date: string;
  mean: number;
  p10: number;
  p50: number;
  p90: number;
  modelKind: string;
}

export interface DailyTotalsRow {
  date: string;
  revenuePaise: number;
  costedProfitPaise: number;
  units: number;
}

export interface AlertRow {
  id: number;
  kind: string;
  localDate: string;
  productNames: ProductNames | null;
  festivalId: string | null;
  body: string | null;
  status: string | null;
  createdAt: Date;
}

export interface ModelVersionRow {
  id: number;
  shopId: number | null;
  modelKind: string;
  version: string;
  trainedAt: Date;
  trainingRows: number;
  params: Record<string, unknown>;
  backtest: Record<string, unknown>;
}

export interface LedgerSaleRow {
  id: number;
  date: string;
  productNames: ProductNames;
  quantity: number;
  unit: string;
  unitPricePaise: number;
  amountPaise: number;
  entryKind: string | null;
  entryId: number | null;
}

const PRODUCT_NAMES = `json_build_object('en', p.name_en, 'hi', COALESCE(p.name_hi, p.name_en))`;

export function createDashboardQueries(db: Queryable) {
  return {
    /** Revenue, costed profit and units per day over [from, to]. */
    async dailyTotals(shopId: number, from: string, to: string): Promise<DailyTotalsRow[]> {
      const result = await db.query<DailyTotalsRow>(
        `SELECT s.sale_date AS date, SUM(s.amount_paise)::bigint AS "revenuePaise",
                COALESCE(SUM(s.amount_paise - round(s.cost_paise * s.quantity))
                  FILTER (WHERE s.cost_paise IS NOT NULL), 0)::bigint AS "costedProfitPaise",
                SUM(s.quantity) AS units
         FROM sales s WHERE s.shop_id = $1 AND s.sale_date BETWEEN $2 AND $3 AND ${COUNTED}
         GROUP BY s.sale_date ORDER BY s.sale_date`,
        [shopId, from, to],
      );
      return result.rows;
    },

    async products(shopId: number, today: string, productId?: number): Promise<ProductSummaryRow[]> {
      const result = await db.query<ProductSummaryRow>(
        `WITH recent AS (
           SELECT s.product_id, SUM(s.quantity) AS units, SUM(s.amount_paise)::bigint AS revenue
           FROM sales s
           WHERE s.shop_id = $1 AND s.sale_date >= $2::date - 28 AND s.sale_date < $2::date AND ${COUNTED}
           GROUP BY s.product_id),
         ahead AS (
           SELECT product_id, SUM(mean) AS units FROM forecasts
           WHERE shop_id = $1 AND target_date >= $2::date AND target_date < $2::date + 7
           GROUP BY product_id)
         SELECT p.id, p.catalog_id AS "catalogId", ${PRODUCT_NAMES} AS names, p.category, p.unit,
                p.price_paise AS "pricePaise", p.cost_paise AS "costPaise", p.mrp_paise AS "mrpPaise",
                p.pack_size AS "packSize", p.shelf_life_days AS "shelfLifeDays",
                p.lead_time_days AS "leadTimeDays", p.stock_quantity AS stock, p.on_order_quantity AS "onOrder",
                COALESCE(r.units, 0) AS units28, COALESCE(r.revenue, 0) AS "revenue28Paise",
                a.units AS forecast7
         FROM products p LEFT JOIN recent r ON r.product_id = p.id LEFT JOIN ahead a ON a.product_id = p.id
         WHERE p.shop_id = $1 AND p.active AND ($3::bigint IS NULL OR p.id = $3)
         ORDER BY COALESCE(r.revenue, 0) DESC, p.name_en`,
        [shopId, today, productId ?? null],
      );
      return result.rows;
    },

    /** The shop a product belongs to, to tell "not found" from "not yours". */
    async productShop(productId: number): Promise<number | undefined> {
      const result = await db.query<{ shop_id: number }>('SELECT shop_id FROM products WHERE id = $1', [
        productId,
      ]);
      return result.rows[0]?.shop_id;
    },

    async dailyUnits(productId: number, from: string, to: string): Promise<DailyUnitsRow[]> {
      const result = await db.query<DailyUnitsRow>(
        `SELECT s.sale_date AS date, SUM(s.quantity) AS units,
                round(SUM(s.amount_paise) / NULLIF(SUM(s.quantity), 0))::bigint AS "avgPricePaise"
         FROM sales s WHERE s.product_id = $1 AND s.sale_date BETWEEN $2 AND $3 AND ${COUNTED}
         GROUP BY s.sale_date ORDER BY s.sale_date`,
        [productId, from, to],
      );
      return result.rows;
    },

    async forecasts(shopId: number, from: string, to: string, productId?: number): Promise<ForecastRow[]> {
      const result = await db.query<ForecastRow>(
        `SELECT product_id AS "productId", target_date AS date, mean, p10, p50, p90, model_kind AS "modelKind"
         FROM forecasts
         WHERE shop_id = $1 AND target_date BETWEEN $2 AND $3 AND ($4::bigint IS NULL OR product_id = $4)
         ORDER BY product_id, target_date`,
        [shopId, from, to, productId ?? null],
      );
      return result.rows;
    },

    async explanation(shopId: number, productId: number): Promise<Record<string, unknown> | undefined> {
      const result = await db.query<{ explanation: Record<string, unknown> }>(
        'SELECT explanation FROM forecast_explanations WHERE shop_id = $1 AND product_id = $2',
        [shopId, productId],
      );
      return result.rows[0]?.explanation;
    },

    async alerts(shopId: number, limit = 100): Promise<AlertRow[]> {
      const result = await db.query<AlertRow>(
        `SELECT a.id, a.kind, a.local_date AS "localDate",
                CASE WHEN p.id IS NULL THEN NULL ELSE ${PRODUCT_NAMES} END AS "productNames",
                a.festival_id AS "festivalId", o.body, o.status, a.created_at AS "createdAt"
         FROM alerts_sent a
         LEFT JOIN products p ON p.id = a.product_id
         LEFT JOIN outbound_messages o ON o.id = a.outbound_message_id
         WHERE a.shop_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
        [shopId, limit],
      );
      return result.rows;
    },

    /** The shop's own model versions and the shared (shop-less) ones, newest first. */
    async modelVersions(shopId: number): Promise<ModelVersionRow[]> {
      const result = await db.query<ModelVersionRow>(
        `SELECT id, shop_id AS "shopId", model_kind AS "modelKind", version, trained_at AS "trainedAt",
                training_rows AS "trainingRows", params, backtest
         FROM model_versions WHERE shop_id = $1 OR shop_id IS NULL
         ORDER BY trained_at DESC, id DESC LIMIT 200`,
        [shopId],
      );
      return result.rows;
    },

    /** Counted sales, newest first; only those of one ledger entry when `entryId` is given. */
    async ledgerSales(
      shopId: number,
      options: { entryId?: number; limit: number },
    ): Promise<LedgerSaleRow[]> {
      const result = await db.query<LedgerSaleRow>(
        `SELECT s.id, s.sale_date AS date, ${PRODUCT_NAMES} AS "productNames", s.quantity, s.unit,
                s.unit_price_paise AS "unitPricePaise", s.amount_paise AS "amountPaise",
                e.kind AS "entryKind", s.entry_id AS "entryId"
         FROM sales s JOIN products p ON p.id = s.product_id LEFT JOIN ledger_entries e ON e.id = s.entry_id
         WHERE s.shop_id = $1 AND ($2::bigint IS NULL OR s.entry_id = $2) AND ${COUNTED}
         ORDER BY s.sale_date DESC, s.id DESC LIMIT $3`,
        [shopId, options.entryId ?? null, options.limit],
      );
      return result.rows;
    },
  };
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>;
