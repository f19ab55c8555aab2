import type { Pool } from '../../adapters/postgres/pool.js';
import {
  createDashboardDataRepository,
  type DashboardImportRow,
} from '../../adapters/postgres/repositories/dashboard-data.js';
import { shopQueryable } from '../../adapters/postgres/tenant-scope.js';
import { type JobPublisher, QueueUnavailableError } from '../../adapters/queue/payloads.js';
import { logger } from '../../log.js';
import { MAX_SALES_CSV_CHARS } from '../sales-import/import-sales.js';
import { csvImportJobId } from './run-csv-import.js';
import type { Viewer } from './sessions.js';

// A CSV of past sales uploaded from the browser: parts are staged in PostgreSQL, then the import runs as
// a queue job (run-csv-import.ts), its progress written where any web process can read it. A job outlives
// the web process that queued it.

// A part is at most this many UTF-16 units; at 3 UTF-8 bytes each (Devanagari) it stays under the app's
// 64 KB body limit.
export const MAX_PART_CHARS = 20_000;
export const MAX_IMPORT_CHARS = MAX_SALES_CSV_CHARS;

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

/**
 * Claims the upload and queues its import job; false when it was already started. A queue that does not
 * answer leaves the import claimed: the recovery sweep queues it once it has sat still for a while.
 */
export async function runImport(pool: Pool, queue: JobPublisher, row: DashboardImportRow): Promise<boolean> {
  const repository = createDashboardDataRepository(shopQueryable(pool, row.shopId));
  if (!(await repository.claimForRun(row.id))) return false;
  try {
    await queue.publish(
      'imports',
      { shopId: row.shopId, importId: row.id },
      { jobId: csvImportJobId(row.id) },
    );
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    logger.warn({ err: error, importId: row.id }, 'dashboard import queued late: queue unavailable');
  }
  return true;
}
