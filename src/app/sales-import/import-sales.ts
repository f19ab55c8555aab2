import { createHash } from 'node:crypto';
import type { Pool } from '../../adapters/postgres/pool.js';
import {
  createSalesImportRepository,
  type ImportBatchRow,
  type ImportCatalogRow,
  type ImportEntryDetails,
} from '../../adapters/postgres/repositories/sales-import.js';
import { shopQueryable, withShopTransaction } from '../../adapters/postgres/tenant-scope.js';
import { createProductMatcher } from '../../core/catalog/product-matcher.js';
import { readSalesCsv } from '../../core/sales-import/sales-csv.js';
import {
  checkSalesRows,
  type ImportCatalog,
  type ImportProduct,
  type RawSalesRow,
  type RowProblem,
} from '../../core/sales-import/sales-rows.js';

// Loads a shop's sales history: rows checked in the core, written in batches, each batch in its own
// transaction so a very long file neither holds one huge transaction nor loses finished batches when
// interrupted. Re-running after an interruption (or on the same file) adds only what is missing.

/**
 * The largest CSV text one import takes (UTF-16 units, as String.length counts), from the dashboard or the
 * `import` command: about 700,000 rows of a typical export, held in memory whole while it is checked.
 */
export const MAX_SALES_CSV_CHARS = 20_000_000;

export interface ImportSalesDeps {
  pool: Pool;
  /** Rows per INSERT and per transaction. */
  batchSize?: number;
  onProgress?(done: number, total: number): void;
}

export interface ImportSalesInput {
  shopId: number;
  records: readonly RawSalesRow[];
  /** Shown in the ledger entry: a file name, or "demo". */
  source: string;
  /** Shop-local today; rows dated after it are refused. */
  today: string;
  /** Identity of the input, for the ledger entry; default a hash of the records. */
  fileHash?: string;
  /**
   * Keeps this input's rows apart from other imports: a row then only counts as already there when this
   * same input brought it (two tills' exports of one day may hold identical lines that are both real).
   */
  separate?: boolean;
}

export interface ImportSalesResult {
  rows: number;
  inserted: number;
  alreadyThere: number;
  problems: RowProblem[];
  entryId?: number;
  firstDate?: string;
  lastDate?: string;
}

export function importCatalog(
  products: readonly ImportCatalogRow[],
  aliases: ReadonlyArray<{ alias: string; catalogId: string }>,
): ImportCatalog {
  const byId = new Map<string, ImportProduct>();
  for (const product of products) {
    byId.set(product.catalogId, {
      catalogId: product.catalogId,
      unit: product.unit,
      pricePaise: product.pricePaise,
      costPaise: product.costPaise,
    });
  }
  const matcher = createProductMatcher({
    products: products.map((product) => ({
      id: product.catalogId,
      names: product.names,
      aliases: product.aliases,
    })),
    aliases: aliases.map((alias) => ({ alias: alias.alias, productId: alias.catalogId })),
  });
  return { products: byId, matcher };
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export async function importSales(
  deps: ImportSalesDeps,
  input: ImportSalesInput,
): Promise<ImportSalesResult> {
  const repository = createSalesImportRepository(shopQueryable(deps.pool, input.shopId));
  if ((await repository.shopTimeZone(input.shopId)) === undefined)
    throw new Error(`no shop with id ${input.shopId}`);
  const { products, aliases } = await repository.catalog(input.shopId);
  const productIds = new Map(products.map((product) => [product.catalogId, product.id]));
  const { rows, problems } = checkSalesRows(input.records, importCatalog(products, aliases), input.today);
  const dates = rows.map((row) => row.date).sort();
  const details: ImportEntryDetails = {
    source: input.source,
    fileHash: input.fileHash ?? hashText(JSON.stringify(input.records)),
    rows: input.records.length,
    inserted: 0,
    alreadyThere: 0,
    problems: problems.length,
    ...(dates.length > 0 ? { firstDate: dates[0], lastDate: dates[dates.length - 1] } : {}),
  };
  const keyPrefix = input.separate ? `${details.fileHash.slice(0, 16)}:` : '';
  const batchSize = deps.batchSize ?? 1000;
  let entryId: number | undefined;
  let done = problems.length;
  deps.onProgress?.(done, input.records.length);
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch: ImportBatchRow[] = rows.slice(start, start + batchSize).map((row) => ({
      ...row,
      key: keyPrefix + row.key,
      productId: productIds.get(row.catalogId) as number,
    }));
    const isLast = start + batchSize >= rows.length;
    await withShopTransaction(deps.pool, input.shopId, async (client) => {
      const tx = createSalesImportRepository(client);
      entryId ??= await tx.createEntry(input.shopId, details.lastDate ?? input.today, details);
      const inserted = await tx.insertSales(input.shopId, entryId, batch);
      details.inserted += inserted;
      details.alreadyThere += batch.length - inserted;
      if (isLast) await tx.updateEntry(entryId, details);
    });
    done += batch.length;
    deps.onProgress?.(done, input.records.length);
  }
  // A re-import that added nothing leaves no trace in the ledger.
  if (entryId !== undefined && details.inserted === 0) {
    await repository.deleteEntry(entryId);
    entryId = undefined;
  }
  return {
    rows: input.records.length,
    inserted: details.inserted,
    alreadyThere: details.alreadyThere,
    problems,
    ...(entryId !== undefined ? { entryId } : {}),
    ...(details.firstDate ? { firstDate: details.firstDate } : {}),
    ...(details.lastDate ? { lastDate: details.lastDate } : {}),
  };
}

/** The same, from the text of a CSV file. */
export async function importSalesCsv(
  deps: ImportSalesDeps,
  input: Omit<ImportSalesInput, 'records' | 'fileHash'> & { csv: string },
): Promise<ImportSalesResult> {
  const { csv, ...rest } = input;
  return importSales(deps, { ...rest, records: readSalesCsv(csv), fileHash: hashText(csv) });
}
