import type { ImportSaleRow } from '../../../core/sales-import/sales-rows.js';
import type { Queryable } from '../pool.js';
import { createShopMembersRepository } from './shop-members.js';

// Writes imported sales in multi-row statements (one array parameter per column), so a year of a shop's
// history is a handful of round trips. Rows whose import key the shop already has are skipped.

export interface ImportCatalogRow {
  id: number;
  catalogId: string;
  names: { en: string; hi: string; 'hi-Latn': string };
  aliases: string[];
  unit: string;
  pricePaise: number;
  costPaise: number | null;
}

export interface ImportEntryDetails {
  source: string;
  fileHash: string;
  rows: number;
  inserted: number;
  alreadyThere: number;
  problems: number;
  firstDate?: string;
  lastDate?: string;
}

export interface ImportBatchRow extends ImportSaleRow {
  productId: number;
}

export function createSalesImportRepository(db: Queryable) {
  return {
    /** The shop a number belongs to (owner or staff), or undefined. */
    async shopIdForPhone(phone: string): Promise<number | undefined> {
      return (await createShopMembersRepository(db).findByPhone(phone))?.shopId;
    },

    /** The shop's time zone (its calendar decides what "today" is), or undefined when there is no such shop. */
    async shopTimeZone(shopId: number): Promise<string | undefined> {
      const result = await db.query<{ time_zone: string }>('SELECT time_zone FROM shops WHERE id = $1', [
        shopId,
      ]);
      return result.rows[0]?.time_zone;
    },

    async catalog(
      shopId: number,
    ): Promise<{ products: ImportCatalogRow[]; aliases: Array<{ alias: string; catalogId: string }> }> {
      const products = await db.query<ImportCatalogRow>(
        `SELECT id, catalog_id AS "catalogId",
                json_build_object('en', name_en, 'hi', COALESCE(name_hi, name_en),
                                  'hi-Latn', COALESCE(name_hi_latn, name_en)) AS names,
                aliases, unit, price_paise AS "pricePaise", cost_paise AS "costPaise"
         FROM products WHERE shop_id = $1 AND active`,
        [shopId],
      );
      const aliases = await db.query<{ alias: string; catalogId: string }>(
        `SELECT a.alias, p.catalog_id AS "catalogId"
         FROM product_aliases a JOIN products p ON p.id = a.product_id
         WHERE a.shop_id = $1`,
        [shopId],
      );
      return { products: products.rows, aliases: aliases.rows };
    },

    async createEntry(shopId: number, businessDate: string, details: ImportEntryDetails): Promise<number> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO ledger_entries (shop_id, kind, business_date, details)
         VALUES ($1, 'import', $2, $3) RETURNING id`,
        [shopId, businessDate, JSON.stringify(details)],
      );
      const row = result.rows[0];
      if (!row) throw new Error('import entry insert returned no row');
      return row.id;
    },

    async updateEntry(entryId: number, details: ImportEntryDetails): Promise<void> {
      await db.query('UPDATE ledger_entries SET details = $2 WHERE id = $1', [
        entryId,
        JSON.stringify(details),
      ]);
    },

    async deleteEntry(entryId: number): Promise<void> {
      await db.query('DELETE FROM ledger_entries WHERE id = $1', [entryId]);
    },

    /** Inserts the rows not imported before; returns how many went in. */
    async insertSales(shopId: number, entryId: number, rows: readonly ImportBatchRow[]): Promise<number> {
      if (rows.length === 0) return 0;
      const result = await db.query(
        `INSERT INTO sales (shop_id, entry_id, product_id, sale_date, quantity, unit, unit_price_paise,
                            amount_paise, cost_paise, import_key)
         SELECT $1, $2, r.product_id, r.sale_date, r.quantity, r.unit, r.unit_price, r.amount, r.cost, r.key
         FROM unnest($3::bigint[], $4::date[], $5::numeric[], $6::text[], $7::bigint[], $8::bigint[],
                     $9::bigint[], $10::text[])
              AS r(product_id, sale_date, quantity, unit, unit_price, amount, cost, key)
         ON CONFLICT (shop_id, import_key) WHERE import_key IS NOT NULL DO NOTHING`,
        [
          shopId,
          entryId,
          rows.map((row) => row.productId),
          rows.map((row) => row.date),
          rows.map((row) => row.quantity),
          rows.map((row) => row.unit),
          rows.map((row) => row.unitPricePaise),
          rows.map((row) => row.amountPaise),
          rows.map((row) => row.costPaise),
          rows.map((row) => row.key),
        ],
      );
      return result.rowCount ?? 0;
    },

    /**
     * Sets stock levels as part of an import entry (reason 'import'), journalled as the difference from
     * the level before, so the stock history still adds up. Imports are not undoable, nor is this.
     */
    async setStockWithImport(
      shopId: number,
      entryId: number,
      businessDate: string,
      levels: ReadonlyArray<{ productId: number; quantity: number }>,
    ): Promise<void> {
      if (levels.length === 0) return;
      await db.query(
        `WITH levels AS (
           SELECT * FROM unnest($3::bigint[], $4::numeric[]) AS l(product_id, quantity)
         ), journal AS (
           INSERT INTO stock_movements (shop_id, product_id, entry_id, delta, reason, business_date)
           SELECT $1, p.id, $2, l.quantity - p.stock_quantity, 'import', $5
           FROM levels l JOIN products p ON p.id = l.product_id AND p.shop_id = $1
         )
         UPDATE products p SET stock_quantity = l.quantity
         FROM levels l WHERE p.id = l.product_id AND p.shop_id = $1`,
        [
          shopId,
          entryId,
          levels.map((level) => level.productId),
          levels.map((level) => level.quantity),
          businessDate,
        ],
      );
    },

    /** The newest day with a counted sale, to top up a history without overlapping it. */
    async lastSaleDate(shopId: number): Promise<string | undefined> {
      const result = await db.query<{ last: string | null }>(
        'SELECT max(sale_date) AS last FROM sales WHERE shop_id = $1 AND NOT voided',
        [shopId],
      );
      return result.rows[0]?.last ?? undefined;
    },
  };
}

export type SalesImportRepository = ReturnType<typeof createSalesImportRepository>;
