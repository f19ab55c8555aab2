import { DEFAULT_CATALOG } from '../../../core/catalog/default-catalog.js';
import type { CatalogProduct } from '../../../core/catalog/types.js';
import type { Queryable } from '../pool.js';

export type ShopLanguage = 'en' | 'hi' | 'hi-Latn';

export interface ShopRow {
  id: number;
  name: string;
  language: ShopLanguage;
  /** True once the shopkeeper picked a language; until then replies follow each message's register. */
  languageChosen: boolean;
  stateCode: string | null;
  timeZone: string;
  alertsEnabled: boolean;
  minMarginBp: number;
  leadTimeDays: number;
  /** Bumped whenever the shop's products or aliases change (the product matcher's cache key). */
  catalogVersion: number;
}

export interface NewShop {
  name: string;
  ownerPhone: string;
  language: ShopLanguage;
  /** Set when the owner chose the language rather than it being guessed. Default true. */
  languageChosen?: boolean;
  stateCode?: string | null;
  timeZone?: string;
  /** The products the shop starts with; default the whole default catalog, stock 0. */
  catalog?: readonly CatalogProduct[];
}

/** The columns of a ShopRow, by their unqualified names (a query may read them from any relation with them). */
export const SHOP_COLUMNS = `id, name, language, language_chosen AS "languageChosen", state_code AS "stateCode",
  time_zone AS "timeZone", alerts_enabled AS "alertsEnabled", min_margin_bp AS "minMarginBp",
  lead_time_days AS "leadTimeDays", catalog_version AS "catalogVersion"`;

/**
 * Creates a shop owned by `ownerPhone` with its starting catalog (prices, cost, MRP, pack size, shelf life;
 * stock 0). Run it inside a transaction: a half-created shop would own a number with no products.
 */
export async function createShop(db: Queryable, shop: NewShop): Promise<ShopRow> {
  // Row-level security admits a shop's rows only in a transaction working for that shop: take the new
  // shop's id first and work for it from here on.
  const id = await db.query<{ id: number }>(
    `SELECT id, set_config('app.shop_id', id::text, true) FROM (SELECT nextval('shops_id_seq') AS id) next`,
  );
  const inserted = await db.query<ShopRow>(
    `INSERT INTO shops (id, name, language, language_chosen, state_code, time_zone)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SHOP_COLUMNS}`,
    [
      id.rows[0]?.id,
      shop.name,
      shop.language,
      shop.languageChosen ?? true,
      shop.stateCode ?? null,
      shop.timeZone ?? 'Asia/Kolkata',
    ],
  );
  const row = inserted.rows[0];
  if (!row) throw new Error('shop insert returned no row');
  await db.query(`INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'owner')`, [
    row.id,
    shop.ownerPhone,
  ]);
  const catalog = shop.catalog ?? DEFAULT_CATALOG;
  // One statement for the whole catalog: a row-by-row insert of ~150 products is slow on PGlite.
  await db.query(
    `INSERT INTO products (shop_id, catalog_id, name_en, name_hi, name_hi_latn, aliases, category, unit,
       price_paise, cost_paise, mrp_paise, pack_size, shelf_life_days)
     SELECT $1, p.catalog_id, p.name_en, p.name_hi, p.name_hi_latn,
       ARRAY(SELECT jsonb_array_elements_text(p.aliases)), p.category, p.unit, p.price_paise, p.cost_paise,
       p.mrp_paise, p.pack_size, p.shelf_life_days
     FROM jsonb_to_recordset($2::jsonb) AS p(catalog_id text, name_en text, name_hi text, name_hi_latn text,
       aliases jsonb, category text, unit text, price_paise bigint, cost_paise bigint, mrp_paise bigint,
       pack_size numeric, shelf_life_days integer)`,
    [
      row.id,
      JSON.stringify(
        catalog.map((product) => ({
          catalog_id: product.id,
          name_en: product.names.en,
          name_hi: product.names.hi,
          name_hi_latn: product.names['hi-Latn'],
          aliases: product.aliases,
          category: product.category,
          unit: product.unit,
          price_paise: product.pricePaise,
          cost_paise: product.costPaise,
          mrp_paise: product.mrpPaise,
          pack_size: product.packSize,
          shelf_life_days: product.shelfLifeDays,
        })),
      ),
    ],
  );
  return row;
}

export function createShopsRepository(db: Queryable) {
  return {
    async find(id: number): Promise<ShopRow | undefined> {
      const result = await db.query<ShopRow>(`SELECT ${SHOP_COLUMNS} FROM shops WHERE id = $1`, [id]);
      return result.rows[0];
    },

    async setLanguage(id: number, language: ShopLanguage): Promise<void> {
      await db.query('UPDATE shops SET language = $2, language_chosen = true WHERE id = $1', [id, language]);
    },

    async setAlerts(id: number, enabled: boolean): Promise<void> {
      await db.query('UPDATE shops SET alerts_enabled = $2 WHERE id = $1', [id, enabled]);
    },

    async bumpCatalogVersion(id: number): Promise<void> {
      await db.query('UPDATE shops SET catalog_version = catalog_version + 1 WHERE id = $1', [id]);
    },
  };
}

export type ShopsRepository = ReturnType<typeof createShopsRepository>;
