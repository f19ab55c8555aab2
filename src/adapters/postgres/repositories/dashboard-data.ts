import type { Queryable } from '../pool.js';

// The dashboard's data page: CSV imports staged part by part with their progress, and the ledger rows
// the CSV export writes.

export interface DashboardImportRow {
  id: number;
  shopId: number;
  fileName: string;
  status: 'uploading' | 'running' | 'done' | 'failed';
  parts: number;
  doneRows: number;
  totalRows: number;
  result: Record<string, unknown> | null;
}

export interface ExportRow {
  date: string;
  type: 'sale' | 'purchase';
  product: string;
  quantity: number;
  unit: string;
  unitPricePaise: number | null;
  amountPaise: number | null;
  source: string | null;
}

const IMPORT_COLUMNS = `id, shop_id AS "shopId", file_name AS "fileName", status, parts,
  done_rows AS "doneRows", total_rows AS "totalRows", result`;

export function createDashboardDataRepository(db: Queryable) {
  return {
    async createImport(shopId: number, fileName: string): Promise<number> {
      const result = await db.query<{ id: number }>(
        'INSERT INTO dashboard_imports (shop_id, file_name) VALUES ($1, $2) RETURNING id',
        [shopId, fileName],
      );
      const row = result.rows[0];
      if (!row) throw new Error('import insert returned no row');
      return row.id;
    },

    async findImport(id: number): Promise<DashboardImportRow | undefined> {
      const result = await db.query<DashboardImportRow>(
        `SELECT ${IMPORT_COLUMNS} FROM dashboard_imports WHERE id = $1`,
        [id],
      );
      return result.rows[0];
    },

    /** Appends part number `part` (0-based) once: a retried upload of the same part changes nothing. */
    async appendPart(id: number, part: number, text: string): Promise<boolean> {
      const result = await db.query(
        `UPDATE dashboard_imports SET csv = csv || $3, parts = parts + 1, updated_at = now()
         WHERE id = $1 AND status = 'uploading' AND parts = $2`,
        [id, part, text],
      );
      return (result.rowCount ?? 0) > 0;
    },

    /** Moves an upload to 'running'; false when it already started. */
    async claimForRun(id: number): Promise<boolean> {
      const result = await db.query(
        `UPDATE dashboard_imports SET status = 'running', updated_at = now()
         WHERE id = $1 AND status = 'uploading'`,
        [id],
      );
      return (result.rowCount ?? 0) > 0;
    },

    /** The text of an import that is claimed and not yet finished; undefined once done or failed. */
    async runningImport(id: number): Promise<{ fileName: string; csv: string } | undefined> {
      const result = await db.query<{ fileName: string; csv: string }>(
        `SELECT file_name AS "fileName", csv FROM dashboard_imports WHERE id = $1 AND status = 'running'`,
        [id],
      );
      return result.rows[0];
    },

    /** Running imports whose progress has not moved for this long: their worker may be gone. */
    async listStalledRunning(
      olderThanSeconds: number,
      limit: number,
    ): Promise<Array<{ id: number; shopId: number }>> {
      const result = await db.query<{ id: number; shopId: number }>(
        `SELECT id, shop_id AS "shopId" FROM dashboard_imports
         WHERE status = 'running' AND updated_at < now() - make_interval(secs => $1)
         ORDER BY id LIMIT $2`,
        [olderThanSeconds, limit],
      );
      return result.rows;
    },

    async setProgress(id: number, done: number, total: number): Promise<void> {
      await db.query(
        'UPDATE dashboard_imports SET done_rows = $2, total_rows = $3, updated_at = now() WHERE id = $1',
        [id, done, total],
      );
    },

    /**
     * Finished: the text is no longer needed once its rows are in the ledger. Only a running import
     * finishes, so a second run of the same job cannot overwrite the first one's result.
     */
    async finish(id: number, status: 'done' | 'failed', result: Record<string, unknown>): Promise<boolean> {
      const updated = await db.query(
        `UPDATE dashboard_imports SET status = $2, result = $3, csv = '', updated_at = now()
         WHERE id = $1 AND status = 'running'`,
        [id, status, JSON.stringify(result)],
      );
      return (updated.rowCount ?? 0) > 0;
    },

    async exportRows(shopId: number): Promise<ExportRow[]> {
      const result = await db.query<ExportRow>(
        `SELECT s.sale_date AS date, 'sale' AS type, p.catalog_id AS product, s.quantity, s.unit,
                s.unit_price_paise AS "unitPricePaise", s.amount_paise AS "amountPaise", e.kind AS source,
                s.id AS seq
         FROM sales s JOIN products p ON p.id = s.product_id LEFT JOIN ledger_entries e ON e.id = s.entry_id
         WHERE s.shop_id = $1 AND NOT s.voided AND e.undone_at IS NULL
         UNION ALL
         SELECT u.purchase_date, 'purchase', p.catalog_id, u.quantity, u.unit, u.unit_cost_paise,
                u.amount_paise, e.kind, u.id
         FROM purchases u JOIN products p ON p.id = u.product_id LEFT JOIN ledger_entries e ON e.id = u.entry_id
         WHERE u.shop_id = $1 AND NOT u.voided AND e.undone_at IS NULL
         ORDER BY 1, 2 DESC, 9`,
        [shopId],
      );
      return result.rows;
    },
  };
}

export type DashboardDataRepository = ReturnType<typeof createDashboardDataRepository>;
