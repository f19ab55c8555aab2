import type { Pool } from '../../adapters/postgres/pool.js';
import { createDashboardDataRepository } from '../../adapters/postgres/repositories/dashboard-data.js';
import { createSalesImportRepository } from '../../adapters/postgres/repositories/sales-import.js';
import { shopQueryable } from '../../adapters/postgres/tenant-scope.js';
import type { JobPublisher, QueuePayloads } from '../../adapters/queue/payloads.js';
import { localDate } from '../../core/language/days.js';
import { readSalesCsv, SalesCsvError } from '../../core/sales-import/sales-csv.js';
import { logger } from '../../log.js';
import { requestForecastAfterImport } from '../forecasting/request-forecast-run.js';
import { hashText, importSales } from '../sales-import/import-sales.js';

// The worker's half of a dashboard CSV import: the web process staged the text and claimed it
// ('running'); this reads it back, loads it with the sales-import use case and writes the outcome. It may
// run more than once for one import (a retried job, the recovery sweep after a worker died): rows already
// in the ledger are skipped by their import keys, and an import that is no longer running is left alone,
// so a second run changes nothing.

const PROGRESS_BATCH = 500;

export interface RunCsvImportDeps {
  pool: Pool;
  queue: JobPublisher;
}

/** The job id of an import: the run click and the recovery sweep queue the same job. */
export function csvImportJobId(importId: number): string {
  return `dashboard-import-${importId}`;
}

export async function runCsvImport(
  deps: RunCsvImportDeps,
  payload: QueuePayloads['imports'],
  options: { finalAttempt: boolean } = { finalAttempt: true },
): Promise<void> {
  const repository = createDashboardDataRepository(shopQueryable(deps.pool, payload.shopId));
  const staged = await repository.runningImport(payload.importId);
  if (!staged) return;
  try {
    await importStaged(deps, payload, staged);
  } catch (error) {
    // Earlier attempts are retried by the queue; the last one must not leave the import 'running'.
    if (options.finalAttempt) {
      logger.error({ err: error, importId: payload.importId }, 'dashboard import failed');
      await repository.finish(payload.importId, 'failed', { error: 'internal' });
    }
    throw error;
  }
}

async function importStaged(
  deps: RunCsvImportDeps,
  { shopId, importId }: QueuePayloads['imports'],
  staged: { fileName: string; csv: string },
): Promise<void> {
  const repository = createDashboardDataRepository(shopQueryable(deps.pool, shopId));
  let records: ReturnType<typeof readSalesCsv>;
  try {
    records = readSalesCsv(staged.csv);
  } catch (error) {
    if (!(error instanceof SalesCsvError)) throw error;
    await repository.finish(importId, 'failed', { error: error.message });
    return;
  }
  const timeZone = await createSalesImportRepository(shopQueryable(deps.pool, shopId)).shopTimeZone(shopId);
  if (timeZone === undefined) throw new Error(`no shop with id ${shopId}`);
  await repository.setProgress(importId, 0, records.length);
  // Progress writes are chained so they land in order and never outlive the import.
  let progress = Promise.resolve();
  const result = await importSales(
    {
      pool: deps.pool,
      batchSize: PROGRESS_BATCH,
      onProgress: (done, total) => {
        progress = progress.then(() => repository.setProgress(importId, done, total));
      },
    },
    {
      shopId,
      records,
      source: staged.fileName,
      today: localDate(new Date(), timeZone),
      fileHash: hashText(staged.csv),
    },
  );
  await progress;
  await queueForecast(deps.queue, shopId, result.entryId);
  await repository.finish(importId, 'done', {
    rows: result.rows,
    inserted: result.inserted,
    alreadyThere: result.alreadyThere,
    problems: result.problems.slice(0, 20),
    problemCount: result.problems.length,
    ...(result.entryId !== undefined ? { entryId: result.entryId } : {}),
  });
}

/**
 * Forecasts for the new history now rather than at the next nightly run, once per import: a run that
 * adds no rows (a retry after the first run wrote them all) has no ledger entry and queues nothing, and
 * the job id keeps a repeated publish for one entry to one job. A queue that does not answer only delays
 * the forecast to the nightly run.
 */
async function queueForecast(queue: JobPublisher, shopId: number, entryId: number | undefined) {
  try {
    await requestForecastAfterImport(queue, { shopId, entryId });
  } catch (error) {
    logger.warn({ shopId, err: error }, 'could not queue forecasts after dashboard import');
  }
}
