import { type Pool, withTransaction } from '../../adapters/postgres/pool.js';
import { createSalesImportRepository } from '../../adapters/postgres/repositories/sales-import.js';
import { createShop } from '../../adapters/postgres/repositories/shops.js';
import { shopQueryable } from '../../adapters/postgres/tenant-scope.js';
import { festivalsBetween } from '../../core/festivals/index.js';
import { addDays } from '../../core/inventory/local-date.js';
import { paiseToRupees } from '../../core/money.js';
import { openingStock } from '../../core/sales-import/opening-stock.js';
import type { RawSalesRow } from '../../core/sales-import/sales-rows.js';
import { PRODUCT_PROFILES, type ProductPricing, simulateShopSales } from '../../core/simulation/index.js';
import { type ImportSalesResult, importSales } from '../sales-import/import-sales.js';

// The demo shop of `start --demo`: Sharma Kirana (Hinglish, Uttar Pradesh), owned by the number in the
// architecture contract, holding a simulated year of sales that ends yesterday and about ten days of stock
// at its recent pace. Starting again on a later day only adds the days since the last start, so the
// history never overlaps itself (and the stock, by then the shopkeeper's, is left alone).

export const DEMO_SHOP = {
  name: 'Sharma Kirana',
  ownerPhone: '+919999900000',
  language: 'hi-Latn',
  stateCode: 'UP',
} as const;

export interface SeedDemoShopOptions {
  /** Shop-local today; the history ends the day before. */
  today: string;
  days?: number;
  seed?: number;
  onProgress?(done: number, total: number): void;
}

export interface SeedDemoShopResult {
  shopId: number;
  created: boolean;
  import?: ImportSalesResult;
}

async function findOrCreateShop(pool: Pool): Promise<{ shopId: number; created: boolean }> {
  const repository = createSalesImportRepository(pool);
  const existing = await repository.shopIdForPhone(DEMO_SHOP.ownerPhone);
  if (existing !== undefined) return { shopId: existing, created: false };
  try {
    // Hinglish is the default, not a choice: a demo visitor writing English or Hindi is answered in kind.
    const shop = await withTransaction(pool, (client) =>
      createShop(client, { ...DEMO_SHOP, languageChosen: false }),
    );
    return { shopId: shop.id, created: true };
  } catch (error) {
    // Another process starting with --demo at the same moment created it first (the phone is unique).
    const raced = await repository.shopIdForPhone(DEMO_SHOP.ownerPhone);
    if (raced === undefined) throw error;
    return { shopId: raced, created: false };
  }
}

export async function seedDemoShop(
  deps: { pool: Pool },
  options: SeedDemoShopOptions,
): Promise<SeedDemoShopResult> {
  const { shopId, created } = await findOrCreateShop(deps.pool);
  const repository = createSalesImportRepository(shopQueryable(deps.pool, shopId));
  const days = options.days ?? 365;
  const end = addDays(options.today, -1);
  const start = addDays(end, 1 - days);
  const last = await repository.lastSaleDate(shopId);
  const firstMissing = last && last >= start ? addDays(last, 1) : start;
  if (firstMissing > end) return { shopId, created };

  const { products } = await repository.catalog(shopId);
  const pricing: ProductPricing[] = PRODUCT_PROFILES.flatMap((profile) => {
    const product = products.find((candidate) => candidate.catalogId === profile.id);
    if (!product) return [];
    return [
      {
        id: profile.id,
        pricePaise: product.pricePaise,
        costPaise: product.costPaise ?? profile.costPaise,
        mrpPaise: Math.max(product.pricePaise, profile.mrpPaise),
      },
    ];
  });
  const festivals = festivalsBetween(Number(start.slice(0, 4)), Number(end.slice(0, 4)) + 1, {
    state: DEMO_SHOP.stateCode,
  });
  const simulated = simulateShopSales({
    startDate: start,
    days,
    seed: options.seed ?? 1,
    products: pricing,
    festivals,
  });
  const records: RawSalesRow[] = simulated.rows
    .filter((row) => row.quantity > 0 && row.date >= firstMissing)
    .map((row, index) => ({
      line: index + 2,
      date: row.date,
      product: row.product,
      quantity: String(row.quantity),
      price: String(paiseToRupees(row.pricePaise)),
    }));
  const result = await importSales(
    { pool: deps.pool, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    { shopId, records, source: 'demo', today: options.today },
  );
  if (created && result.entryId !== undefined) {
    const stock = openingStock(simulated.rows, { endDate: end });
    const levels = products.flatMap((product) => {
      const quantity = stock.get(product.catalogId);
      return quantity === undefined ? [] : [{ productId: product.id, quantity }];
    });
    await repository.setStockWithImport(shopId, result.entryId, end, levels);
  }
  return { shopId, created, import: result };
}
