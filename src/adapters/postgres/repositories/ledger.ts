import type { Queryable } from '../pool.js';

// The shop's books. A ledger entry is one shopkeeper action (the unit of undo); its sales, purchases,
// stock movements and price changes hang off it by entry_id.

export type EntryKind = 'sale' | 'purchase' | 'set_stock' | 'set_price';
export type MovementReason = 'sale' | 'purchase' | 'set_stock' | 'undo';

export interface EntryRow {
  id: number;
  kind: EntryKind | 'import';
  businessDate: string;
  createdAt: Date;
}

export interface NewEntry {
  shopId: number;
  kind: EntryKind;
  inboundMessageId: number | null;
  actorPhone: string | null;
  businessDate: string;
  details?: Record<string, unknown>;
}

export interface NewLine {
  shopId: number;
  entryId: number;
  productId: number;
  date: string;
  quantity: number;
  unit: string;
  unitPricePaise: number | null;
  amountPaise: number | null;
  /** Sales only: the product's cost per unit at the time, so profit stays right after cost changes. */
  costPaise?: number | null;
}

export function createLedgerRepository(db: Queryable) {
  return {
    async insertEntry(entry: NewEntry): Promise<number> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO ledger_entries (shop_id, kind, inbound_message_id, actor_phone, business_date, details)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          entry.shopId,
          entry.kind,
          entry.inboundMessageId,
          entry.actorPhone,
          entry.businessDate,
          JSON.stringify(entry.details ?? {}),
        ],
      );
      const row = result.rows[0];
      if (!row) throw new Error('ledger entry insert returned no row');
      return row.id;
    },

    async insertSale(line: NewLine): Promise<void> {
      await db.query(
        `INSERT INTO sales (shop_id, entry_id, product_id, sale_date, quantity, unit, unit_price_paise,
           amount_paise, cost_paise)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          line.shopId,
          line.entryId,
          line.productId,
          line.date,
          line.quantity,
          line.unit,
          line.unitPricePaise ?? 0,
          line.amountPaise ?? 0,
          line.costPaise ?? null,
        ],
      );
    },

    async insertPurchase(line: NewLine): Promise<void> {
      await db.query(
        `INSERT INTO purchases (shop_id, entry_id, product_id, purchase_date, quantity, unit, unit_cost_paise,
           amount_paise)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          line.shopId,
          line.entryId,
          line.productId,
          line.date,
          line.quantity,
          line.unit,
          line.unitPricePaise,
          line.amountPaise,
        ],
      );
    },

    async insertMovement(movement: {
      shopId: number;
      productId: number;
      entryId: number;
      delta: number;
      reason: MovementReason;
      date: string;
    }): Promise<void> {
      await db.query(
        `INSERT INTO stock_movements (shop_id, product_id, entry_id, delta, reason, business_date)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          movement.shopId,
          movement.productId,
          movement.entryId,
          movement.delta,
          movement.reason,
          movement.date,
        ],
      );
    },

    async insertPriceChange(change: {
      shopId: number;
      productId: number;
      entryId: number;
      field: 'price' | 'cost' | 'mrp';
      oldPaise: number | null;
      newPaise: number;
      date: string;
    }): Promise<void> {
      await db.query(
        `INSERT INTO price_changes (shop_id, product_id, entry_id, field, old_paise, new_paise, effective_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          change.shopId,
          change.productId,
          change.entryId,
          change.field,
          change.oldPaise,
          change.newPaise,
          change.date,
        ],
      );
    },

    /** The shop's newest entry still in force (imports are history, not undoable), locked for undo. */
    async lockLastOpenEntry(shopId: number): Promise<EntryRow | undefined> {
      const result = await db.query<EntryRow>(
        `SELECT id, kind, business_date AS "businessDate", created_at AS "createdAt" FROM ledger_entries
         WHERE shop_id = $1 AND undone_at IS NULL AND kind <> 'import'
         ORDER BY id DESC LIMIT 1 FOR UPDATE`,
        [shopId],
      );
      return result.rows[0];
    },

    /** Stock changes the entry made, netted per product (undo reverses them). */
    async movementsOf(entryId: number): Promise<Array<{ productId: number; delta: number }>> {
      const result = await db.query<{ productId: number; delta: number }>(
        `SELECT product_id AS "productId", sum(delta) AS delta FROM stock_movements
         WHERE entry_id = $1 GROUP BY product_id ORDER BY product_id`,
        [entryId],
      );
      return result.rows;
    },

    async linesOf(entryId: number, table: 'sales' | 'purchases') {
      const result = await db.query<{ productId: number; quantity: number; amountPaise: number | null }>(
        `SELECT product_id AS "productId", quantity, amount_paise AS "amountPaise" FROM ${table}
         WHERE entry_id = $1 AND NOT voided ORDER BY id`,
        [entryId],
      );
      return result.rows;
    },

    async priceChangesOf(entryId: number) {
      const result = await db.query<{
        productId: number;
        field: 'price' | 'cost' | 'mrp';
        oldPaise: number | null;
        newPaise: number;
      }>(
        `SELECT product_id AS "productId", field, old_paise AS "oldPaise", new_paise AS "newPaise"
         FROM price_changes WHERE entry_id = $1 ORDER BY id`,
        [entryId],
      );
      return result.rows;
    },

    async markUndone(entryId: number, at: Date): Promise<void> {
      await db.query('UPDATE ledger_entries SET undone_at = $2 WHERE id = $1', [entryId, at]);
      await db.query('UPDATE sales SET voided = true WHERE entry_id = $1', [entryId]);
      await db.query('UPDATE purchases SET voided = true WHERE entry_id = $1', [entryId]);
    },
  };
}

export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
