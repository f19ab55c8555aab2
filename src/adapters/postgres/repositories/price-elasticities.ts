import type { Queryable } from '../pool.js';

// Own price-response estimates per shop and product, read back across shops as a category's evidence.

export interface StoredElasticity {
  elasticity: number;
  se: number;
}

export function createPriceElasticitiesRepository(db: Queryable) {
  return {
    async save(row: {
      shopId: number;
      productId: number;
      category: string;
      estimate: StoredElasticity | null;
      date: string;
    }): Promise<void> {
      // A product whose own estimate is gone (prices stopped moving) must not keep feeding its category.
      if (row.estimate === null || !Number.isFinite(row.estimate.elasticity) || !(row.estimate.se > 0)) {
        await db.query('DELETE FROM price_elasticities WHERE shop_id = $1 AND product_id = $2', [
          row.shopId,
          row.productId,
        ]);
        return;
      }
      await db.query(
        `INSERT INTO price_elasticities (shop_id, product_id, category, elasticity, se, estimated_on)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (shop_id, product_id) DO UPDATE SET category = EXCLUDED.category,
           elasticity = EXCLUDED.elasticity, se = EXCLUDED.se, estimated_on = EXCLUDED.estimated_on`,
        [row.shopId, row.productId, row.category, row.estimate.elasticity, row.estimate.se, row.date],
      );
    },

    /**
     * Other shops' estimates for a category made since `since` (YYYY-MM-DD). Row-level security keeps
     * other shops' rows out of a shop's transaction, so they come through app_category_elasticities
     * (migration 072), which hands back the numbers only.
     */
    async otherShops(shopId: number, category: string, since: string): Promise<StoredElasticity[]> {
      const result = await db.query<StoredElasticity>(
        'SELECT elasticity, se FROM app_category_elasticities($1, $2, $3)',
        [category, shopId, since],
      );
      return result.rows;
    },
  };
}
