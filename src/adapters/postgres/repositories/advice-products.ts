import type { ProductNames, Unit } from '../../../core/catalog/types.js';
import type { Queryable } from '../pool.js';

// Products as restock and price advice need them: prices, pack and shelf life, lead time (the product's
// own, else the shop's), stock, what is already on order, and the supplier who takes orders for it.

export interface AdviceProduct {
  id: number;
  catalogId: string;
  names: ProductNames;
  category: string;
  unit: Unit;
  pricePaise: number;
  costPaise: number | null;
  mrpPaise: number | null;
  packSize: number;
  shelfLifeDays: number | null;
  leadTimeDays: number;
  stock: number;
  onOrder: number;
  /** The product's supplier, else its category's; null when the owner saved none. */
  supplierPhone: string | null;
}

interface Row extends Omit<AdviceProduct, 'names'> {
  en: string;
  hi: string | null;
  hl: string | null;
}

const SELECT = `SELECT p.id, p.catalog_id AS "catalogId", p.name_en AS en, p.name_hi AS hi, p.name_hi_latn AS hl,
    p.category, p.unit, p.price_paise AS "pricePaise", p.cost_paise AS "costPaise", p.mrp_paise AS "mrpPaise",
    p.pack_size::float8 AS "packSize", p.shelf_life_days AS "shelfLifeDays",
    coalesce(p.lead_time_days, s.lead_time_days) AS "leadTimeDays", p.stock_quantity::float8 AS stock,
    p.on_order_quantity::float8 AS "onOrder", coalesce(p.supplier_phone, c.phone) AS "supplierPhone"
  FROM products p JOIN shops s ON s.id = p.shop_id
  LEFT JOIN category_suppliers c ON c.shop_id = p.shop_id AND c.category = p.category`;

function toProduct({ en, hi, hl, ...rest }: Row): AdviceProduct {
  return { ...rest, names: { en, hi: hi ?? en, 'hi-Latn': hl ?? en } };
}

export function createAdviceProductsRepository(db: Queryable) {
  return {
    async byCatalogIds(shopId: number, catalogIds: readonly string[]): Promise<AdviceProduct[]> {
      const result = await db.query<Row>(
        `${SELECT} WHERE p.shop_id = $1 AND p.catalog_id = ANY($2::text[]) ORDER BY p.id`,
        [shopId, [...catalogIds]],
      );
      return result.rows.map(toProduct);
    },

    async byIds(shopId: number, ids: readonly number[]): Promise<AdviceProduct[]> {
      const result = await db.query<Row>(
        `${SELECT} WHERE p.shop_id = $1 AND p.id = ANY($2::bigint[]) ORDER BY p.id`,
        [shopId, [...ids]],
      );
      return result.rows.map(toProduct);
    },

    /** Active products sold at least once since `since` (the ones worth forecasting). */
    async soldSince(shopId: number, since: string): Promise<AdviceProduct[]> {
      const result = await db.query<Row>(
        `${SELECT} WHERE p.shop_id = $1 AND p.active
           AND EXISTS (SELECT 1 FROM sales x WHERE x.product_id = p.id AND x.sale_date >= $2 AND NOT x.voided)
         ORDER BY p.id`,
        [shopId, since],
      );
      return result.rows.map(toProduct);
    },

    async setProductSupplier(shopId: number, catalogId: string, phone: string): Promise<boolean> {
      const result = await db.query(
        'UPDATE products SET supplier_phone = $3 WHERE shop_id = $1 AND catalog_id = $2',
        [shopId, catalogId, phone],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async setCategorySupplier(shopId: number, category: string, phone: string): Promise<void> {
      await db.query(
        `INSERT INTO category_suppliers (shop_id, category, phone) VALUES ($1, $2, $3)
         ON CONFLICT (shop_id, category) DO UPDATE SET phone = EXCLUDED.phone, updated_at = now()`,
        [shopId, category, phone],
      );
    },
  };
}

export type AdviceProductsRepository = ReturnType<typeof createAdviceProductsRepository>;
