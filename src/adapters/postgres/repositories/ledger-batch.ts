import type { Queryable } from '../pool.js';
import { unnestColumns } from '../unnest-columns.js';

// A sale or purchase with all its lines in one statement: the ledger entry, a sales or purchases row per
// line, a stock movement per line, one stock update per product and, for a sale, the batches it draws on. Written line by line this was
// 1 + 3 statements per line, and each round trip costs both processes a system call and PostgreSQL a
// parse; the rows written are the same (ids in line order).

export interface BatchLine {
  productId: number;
  quantity: number;
  unit: string;
  /** Sales: the price per unit; purchases: the cost per unit, null when not said. */
  unitPricePaise: number | null;
  amountPaise: number | null;
  /** Sales only: the product's cost per unit at the time, so profit stays right after cost changes. */
  costPaise?: number | null;
}

export interface BatchEntry {
  shopId: number;
  kind: 'sale' | 'purchase';
  inboundMessageId: number | null;
  actorPhone: string | null;
  businessDate: string;
  lines: readonly BatchLine[];
}

export interface WrittenEntry {
  entryId: number;
  /** Each product's stock after the entry. */
  stockAfter: Map<number, number>;
}

// $1 shop, $2 kind, $3 inbound message, $4 actor, $5 business date, $6.. the lines as parallel arrays.
// Stock changes are summed per product first: an UPDATE changes a row at most once per statement, and a
// product named twice in one message must move by both lines. A sale also takes its units from the
// products' open batches, first to expire first: a batch gives what is left of its product's quantity
// after the batches expiring before it. The caller holds the products' rows locked (recordLines does),
// which keeps two sales of a product from drawing on the same batch state.
const WRITE_ENTRY = `
WITH entry AS (
  INSERT INTO ledger_entries (shop_id, kind, inbound_message_id, actor_phone, business_date)
  VALUES ($1, $2, $3, $4, $5) RETURNING id
), line AS (
  SELECT * FROM unnest($6::bigint[], $7::numeric[], $8::text[], $9::bigint[], $10::bigint[], $11::bigint[])
    WITH ORDINALITY AS l (product_id, quantity, unit, unit_price_paise, amount_paise, cost_paise, ord)
), sale AS (
  INSERT INTO sales (shop_id, entry_id, product_id, sale_date, quantity, unit, unit_price_paise, amount_paise,
    cost_paise)
  SELECT $1, entry.id, l.product_id, $5, l.quantity, l.unit, coalesce(l.unit_price_paise, 0),
    coalesce(l.amount_paise, 0), l.cost_paise
  FROM entry, line l WHERE $2 = 'sale' ORDER BY l.ord
), purchase AS (
  INSERT INTO purchases (shop_id, entry_id, product_id, purchase_date, quantity, unit, unit_cost_paise,
    amount_paise)
  SELECT $1, entry.id, l.product_id, $5, l.quantity, l.unit, l.unit_price_paise, l.amount_paise
  FROM entry, line l WHERE $2 = 'purchase' ORDER BY l.ord
), movement AS (
  INSERT INTO stock_movements (shop_id, product_id, entry_id, delta, reason, business_date)
  SELECT $1, l.product_id, entry.id, CASE WHEN $2 = 'sale' THEN -l.quantity ELSE l.quantity END, $2, $5
  FROM entry, line l ORDER BY l.ord
), stock AS (
  UPDATE products p SET stock_quantity = p.stock_quantity + change.delta
  FROM (SELECT product_id, sum(CASE WHEN $2 = 'sale' THEN -quantity ELSE quantity END) AS delta
        FROM line GROUP BY product_id) change
  WHERE p.id = change.product_id AND p.shop_id = $1
  RETURNING p.id, p.stock_quantity
), taken AS (
  SELECT b.id, b.remaining, w.quantity,
    sum(b.remaining) OVER (PARTITION BY b.product_id ORDER BY b.expires_on, b.id) - b.remaining AS before
  FROM product_batches b
  JOIN (SELECT product_id, sum(quantity) AS quantity FROM line GROUP BY product_id) w ON w.product_id = b.product_id
  WHERE $2 = 'sale' AND b.shop_id = $1 AND b.remaining > 0 AND w.quantity > 0
), consumed AS (
  UPDATE product_batches b SET remaining = b.remaining - least(taken.remaining, taken.quantity - taken.before)
  FROM taken WHERE b.id = taken.id AND taken.before < taken.quantity
)
SELECT (SELECT id FROM entry) AS "entryId",
  coalesce((SELECT json_agg(json_build_array(id, stock_quantity)) FROM stock), '[]') AS stock`;

export function createLedgerBatchRepository(db: Queryable) {
  return {
    async writeEntry(entry: BatchEntry): Promise<WrittenEntry> {
      const result = await db.query<{ entryId: number; stock: Array<[number, number | string]> }>({
        name: 'ledger-write-entry',
        text: WRITE_ENTRY,
        values: [
          entry.shopId,
          entry.kind,
          entry.inboundMessageId,
          entry.actorPhone,
          entry.businessDate,
          ...unnestColumns(entry.lines, [
            'productId',
            'quantity',
            'unit',
            'unitPricePaise',
            'amountPaise',
            'costPaise',
          ]),
        ],
      });
      const row = result.rows[0];
      if (!row) throw new Error('ledger entry insert returned no row');
      return {
        entryId: row.entryId,
        stockAfter: new Map(row.stock.map(([id, stock]) => [id, Number(stock)])),
      };
    },
  };
}
