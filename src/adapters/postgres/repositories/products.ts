import type { Unit } from '../../../core/catalog/types.js';
import type { ShopProduct } from '../../../core/conversation/shop-product.js';
import type { Queryable } from '../pool.js';

export type PriceField = 'price' | 'cost' | 'mrp';

const COLUMNS = `id, catalog_id AS "catalogId", name_en, name_hi, name_hi_latn, unit, price_paise AS "pricePaise",
  cost_paise AS "costPaise", mrp_paise AS "mrpPaise", pack_size AS "packSize", stock_quantity AS "stockQuantity"`;

interface Row extends Omit<ShopProduct, 'names'> {
  name_en: string;
  name_hi: string | null;
  name_hi_latn: string | null;
}

function toProduct(row: Row): ShopProduct {
  const { name_en, name_hi, name_hi_latn, ...rest } = row;
  return { ...rest, names: { en: name_en, hi: name_hi ?? name_en, 'hi-Latn': name_hi_latn ?? name_en } };
}

const PRICE_COLUMN: Record<PriceField, string> = {
  price: 'price_paise',
  cost: 'cost_paise',
  mrp: 'mrp_paise',
};

export interface MatcherSource {
  products: Array<{ id: string; names: ShopProduct['names']; aliases: string[] }>;
  aliases: Array<{ alias: string; productId: string }>;
}

export function createProductsRepository(db: Queryable) {
  return {
    /** Names and aliases of a shop's active products plus the words the shop taught: a matcher's input. */
    async matcherSource(shopId: number): Promise<MatcherSource> {
      const products = await db.query<{
        id: string;
        en: string;
        hi: string | null;
        hl: string | null;
        aliases: string[];
      }>(
        `SELECT catalog_id AS id, name_en AS en, name_hi AS hi, name_hi_latn AS hl, aliases
         FROM products WHERE shop_id = $1 AND active ORDER BY id`,
        [shopId],
      );
      const aliases = await db.query<{ alias: string; productId: string }>(
        `SELECT a.alias, p.catalog_id AS "productId" FROM product_aliases a
         JOIN products p ON p.id = a.product_id WHERE a.shop_id = $1 ORDER BY a.created_at`,
        [shopId],
      );
      return {
        products: products.rows.map((row) => ({
          id: row.id,
          names: { en: row.en, hi: row.hi ?? row.en, 'hi-Latn': row.hl ?? row.en },
          aliases: row.aliases,
        })),
        aliases: aliases.rows,
      };
    },

    /** Products by catalog id; `lock` when the caller is about to change their stock or price. */
    async byCatalogIds(
      shopId: number,
      catalogIds: readonly string[],
      options: { lock: boolean },
    ): Promise<Map<string, ShopProduct>> {
      const result = await db.query<Row>({
        name: options.lock ? 'products-by-catalog-ids-locked' : 'products-by-catalog-ids',
        text: `SELECT ${COLUMNS} FROM products WHERE shop_id = $1 AND catalog_id = ANY($2::text[])
         ORDER BY id${options.lock ? ' FOR UPDATE' : ''}`,
        values: [shopId, [...new Set(catalogIds)]],
      });
      return new Map(result.rows.map((row) => [row.catalogId, toProduct(row)]));
    },

    async findByIds(shopId: number, ids: readonly number[]): Promise<Map<number, ShopProduct>> {
      const result = await db.query<Row>(
        `SELECT ${COLUMNS} FROM products WHERE shop_id = $1 AND id = ANY($2::bigint[])`,
        [shopId, [...ids]],
      );
      return new Map(result.rows.map((row) => [row.id, toProduct(row)]));
    },

    /** Adds `delta` to the stock and returns the new level. */
    async addStock(productId: number, delta: number): Promise<number> {
      const result = await db.query<{ stock: number }>(
        'UPDATE products SET stock_quantity = stock_quantity + $2 WHERE id = $1 RETURNING stock_quantity AS stock',
        [productId, delta],
      );
      return result.rows[0]?.stock ?? 0;
    },

    async setPrice(productId: number, field: PriceField, paise: number | null): Promise<void> {
      await db.query(`UPDATE products SET ${PRICE_COLUMN[field]} = $2 WHERE id = $1`, [productId, paise]);
    },

    async insertCustom(
      shopId: number,
      product: { catalogId: string; name: string; unit: Unit; pricePaise: number },
    ): Promise<ShopProduct> {
      const result = await db.query<Row>(
        `INSERT INTO products (shop_id, catalog_id, name_en, name_hi, name_hi_latn, unit, price_paise)
         VALUES ($1, $2, $3, $3, $3, $4, $5)
         ON CONFLICT (shop_id, catalog_id) DO UPDATE SET active = true, price_paise = EXCLUDED.price_paise
         RETURNING ${COLUMNS}`,
        [shopId, product.catalogId, product.name, product.unit, product.pricePaise],
      );
      const row = result.rows[0];
      if (!row) throw new Error('product insert returned no row');
      return toProduct(row);
    },

    /** Teaches the shop a word for a product; a word taught again now means the new product. */
    async addAlias(shopId: number, alias: string, productId: number): Promise<void> {
      await db.query(
        `INSERT INTO product_aliases (shop_id, alias, product_id) VALUES ($1, $2, $3)
         ON CONFLICT (shop_id, alias) DO UPDATE SET product_id = EXCLUDED.product_id, created_at = now()`,
        [shopId, alias, productId],
      );
    },
  };
}

export type ProductsRepository = ReturnType<typeof createProductsRepository>;
