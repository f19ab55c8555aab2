import type { Pool } from '../../adapters/postgres/pool.js';
import {
  createDashboardDataRepository,
  type DashboardImportRow,
} from '../../adapters/postgres/repositories/dashboard-data.js';
import { shopQueryable } from '../../adapters/postgres/tenant-scope.js';
import { readSalesCsv, SalesCsvError } from '../../core/sales-import/sales-csv.js';
import { logger } from '../../log.js';
import { hashText, importSales } from '../sales-import/import-sales.js';
import type { Viewer } from './sessions.js';

// A CSV of past sales uploaded from the browser: parts are staged in PostgreSQL, then the import runs in
// the background with the sales-import use case, its progress written where any web process can read it.

// A part is at most this many UTF-16 units; at 3 UTF-8 bytes each (Devanagari) it stays under the app's
// 64 KB body limit.
export const MAX_PART_CHARS = 20_000;
export const MAX_IMPORT_CHARS = 20_000_000;
const PROGRESS_BATCH = 500;

export type ImportAccess = { ok: true; row: DashboardImportRow } | { ok: false; status: 403 | 404 };

export async function importFor(pool: Pool, viewer: Viewer, id: number): Promise<ImportAccess> {
  const row = await createDashboardDataRepository(shopQueryable(pool, viewer.shopId)).findImport(id);
  if (!row) return { ok: false, status: 404 };
  if (row.shopId !== viewer.shopId) return { ok: false, status: 403 };
  return { ok: true, row };
}

export function startUpload(pool: Pool, viewer: Viewer, fileName: string): Promise<number> {
  const safeName = fileName.replace(/[^\w.\- ]+/g, '_').slice(0, 100) || 'upload.csv';
  return createDashboardDataRepository(shopQueryable(pool, viewer.shopId)).createImport(
    viewer.shopId,
    safeName,
  );
}

export async function addPart(
  pool: Pool,
  row: DashboardImportRow,
  part: number,
  text: string,
): Promise<boolean> {
  if (text.length > MAX_PART_CHARS || (part + 1) * MAX_PART_CHARS > MAX_IMPORT_CHARS) return false;
  return createDashboardDataRepository(shopQueryable(pool, row.shopId)).appendPart(row.id, part, text);
}

/** Claims the upload and runs it without waiting; false when it was already started. */
export async function runImport(pool: Pool, viewer: Viewer, row: DashboardImportRow): Promise<boolean> {
  const repository = createDashboardDataRepository(shopQueryable(pool, viewer.shopId));
  const csv = await repository.claimForRun(row.id);
  if (csv === undefined) return false;
  void importInBackground(pool, viewer, row, csv).catch((error) => {
    logger.error({ err: error, importId: row.id }, 'dashboard import failed');
    return repository.finish(row.id, 'failed', { error: 'internal' });
  });
  return true;
}

async function importInBackground(pool: Pool, viewer: Viewer, row: DashboardImportRow, csv: string) {
  const repository = createDashboardDataRepository(shopQueryable(pool, viewer.shopId));
  let records: ReturnType<typeof readSalesCsv>;
  try {
    records = readSalesCsv(csv);
  } catch (error) {
    if (!(error instanceof SalesCsvError)) throw error;
    await repository.finish(row.id, 'failed', { error: error.message });
    return;
  }
  await repository.setProgress(row.id, 0, records.length);
  // Progress writes are chained so they land in order and never outlive the import.
  let progress = Promise.resolve();
  const result = await importSales(
    {
      pool,
      batchSize: PROGRESS_BATCH,
      onProgress: (done, total) => {
        progress = progress.then(() => repository.setProgress(row.id, done, total));
      },
    },
    { shopId: viewer.shopId, records, source: row.fileName, today: viewer.today, fileHash: hashText(csv) },
  );
  await progress;
  await repository.finish(row.id, 'done', {
    rows: result.rows,
    inserted: result.inserted,
    alreadyThere: result.alreadyThere,
    problems: result.problems.slice(0, 20),
    problemCount: result.problems.length,
    ...(result.entryId !== undefined ? { entryId: result.entryId } : {}),
  });
}
