import { createBullQueues } from '../../adapters/queue/bullmq-queues.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import { createRedisConnection, waitForRedis } from '../../adapters/redis/connection.js';
import { logger } from '../../log.js';
import { importFeaturesJobId } from './forecast-recipe.js';

// Forecasts on demand after an import: a features job for the shop (which queues training), so the new
// history is forecast now rather than at the next nightly run. One job per import entry, however often
// the caller retries.

export interface ImportedHistory {
  shopId: number;
  /** The import's ledger entry; none when the import added nothing (then there is nothing to forecast). */
  entryId?: number | undefined;
}

export async function requestForecastAfterImport(
  queue: JobPublisher,
  imported: ImportedHistory,
): Promise<boolean> {
  if (imported.entryId === undefined) return false;
  await queue.publish(
    'features',
    { shopId: imported.shopId, asOf: 'today', reason: 'import' },
    { jobId: importFeaturesJobId(imported.shopId, imported.entryId) },
  );
  return true;
}

/**
 * The same from a one-off process (the `import` command) that has no queues of its own. Without a
 * REDIS_URL the queue is a running app's private server this process cannot reach; the nightly run then
 * forecasts the new history. A queue that does not answer is reported, not fatal: the import itself is done.
 */
export async function requestForecastFromCommand(
  config: { REDIS_URL?: string | undefined; QUEUE_PREFIX: string },
  imported: ImportedHistory,
): Promise<boolean> {
  if (!config.REDIS_URL || imported.entryId === undefined) return false;
  const redis = createRedisConnection({ url: config.REDIS_URL, role: 'producer' });
  const queues = createBullQueues({ connection: redis, prefix: config.QUEUE_PREFIX });
  try {
    await waitForRedis(redis, 5_000);
    return await requestForecastAfterImport(queues, imported);
  } catch (error) {
    logger.warn({ shopId: imported.shopId, err: error }, 'could not queue forecasts after import');
    return false;
  } finally {
    await queues.close().catch(() => {});
    redis.disconnect();
  }
}
