import type { DayRange } from '../../../core/reports/report-period.js';
import type { DayTotal, ProductTotals, ReportTotals } from '../../../core/reports/sales-report.js';
import type { Queryable } from '../pool.js';

// The sums behind a sales report, in two queries over the (shop_id, sale_date) index: per product for
// the current and the previous range, and per day for the current one. A sale counts while it is neither
// voided nor part of an undone ledger entry.

/** sales.cost_paise is the unit cost when the sale was logged; a line's cost is that times the quantity. */
const LINE_COST = 'round(s.cost_paise * s.quantity)';

const COUNTED = `s.shop_id = $1 AND NOT s.voided
  AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.id = s.entry_id AND e.undone_at IS NOT NULL)`;

interface ProductRow {
  bucket: 'current' | 'previous';
  catalog_id: string;
  name_en: string;
  name_hi: string | null;
  name_hi_latn: string | null;
  unit: string;
  revenue: number;
  quantity: number;
  cost: number;
  costed_revenue: number;
  uncosted_lines: number;
}

function toTotals(row: ProductRow): ProductTotals {
  return {
    product: {
      catalogId: row.catalog_id,
      names: { en: row.name_en, hi: row.name_hi ?? row.name_en, 'hi-Latn': row.name_hi_latn ?? row.name_en },
      unit: row.unit,
    },
    revenuePaise: row.revenue,
    quantity: row.quantity,
    costPaise: row.cost,
    costedRevenuePaise: row.costed_revenue,
    uncostedLines: row.uncosted_lines,
  };
}

export function createReportsRepository(db: Queryable) {
  return {
    async totals(shopId: number, current: DayRange, previous: DayRange): Promise<ReportTotals> {
      const products = await db.query<ProductRow>(
        `SELECT CASE WHEN s.sale_date BETWEEN $2 AND $3 THEN 'current' ELSE 'previous' END AS bucket,
                p.catalog_id, p.name_en, p.name_hi, p.name_hi_latn, p.unit,
                SUM(s.amount_paise)::bigint AS revenue,
                SUM(s.quantity) AS quantity,
                COALESCE(SUM(${LINE_COST}) FILTER (WHERE s.cost_paise IS NOT NULL), 0)::bigint AS cost,
                COALESCE(SUM(s.amount_paise) FILTER (WHERE s.cost_paise IS NOT NULL), 0)::bigint AS costed_revenue,
                COUNT(*) FILTER (WHERE s.cost_paise IS NULL)::int AS uncosted_lines
         FROM sales s JOIN products p ON p.id = s.product_id
         WHERE ${COUNTED}
           AND (s.sale_date BETWEEN $2 AND $3 OR s.sale_date BETWEEN $4 AND $5)
         GROUP BY 1, p.id`,
        [shopId, current.from, current.to, previous.from, previous.to],
      );
      const days = await db.query<{ date: string; revenue: number }>(
        `SELECT s.sale_date AS date, SUM(s.amount_paise)::bigint AS revenue
         FROM sales s
         WHERE ${COUNTED} AND (s.sale_date BETWEEN $2 AND $3 OR s.sale_date BETWEEN $4 AND $5)
         GROUP BY s.sale_date ORDER BY s.sale_date`,
        [shopId, current.from, current.to, previous.from, previous.to],
      );
      const inRange = (range: DayRange) =>
        days.rows
          .filter((row) => row.date >= range.from && row.date <= range.to)
          .map((row): DayTotal => ({ date: row.date, revenuePaise: row.revenue }));
      return {
        current: products.rows.filter((row) => row.bucket === 'current').map(toTotals),
        previous: products.rows.filter((row) => row.bucket === 'previous').map(toTotals),
        days: inRange(current),
        previousDays: inRange(previous),
      };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
