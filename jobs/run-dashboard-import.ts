import type { Job } from 'bullmq';
import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type RunCsvImportDeps, runCsvImport } from '../src/app/dashboard/run-csv-import.js';

// A dashboard CSV import. Only the last attempt marks the import failed; earlier ones leave it running
// for the queue's retry, which skips the rows the failed attempt already wrote.
export default (deps: RunCsvImportDeps) => async (payload: QueuePayloads['imports'], job?: Job) => {
  const finalAttempt = !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  await runCsvImport(deps, payload, { finalAttempt });
};
