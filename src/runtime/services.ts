import type { Redis } from 'ioredis';
import type { ChartRenderer } from '../adapters/charts/chart-renderer.js';
import { createChartRenderer } from '../adapters/charts/threaded-chart-renderer.js';
import { createTranslator, type Translator } from '../adapters/i18n/translator.js';
import { createMetrics, type Metrics } from '../adapters/metrics/registry.js';
import { migrateDatabase } from '../adapters/postgres/migrate.js';
import { createPool, type Pool } from '../adapters/postgres/pool.js';
import { type BullQueues, createBullQueues } from '../adapters/queue/bullmq-queues.js';
import { createRedisConnection, waitForRedis } from '../adapters/redis/connection.js';
import { createSenderRateLimiter } from '../adapters/redis/sender-rate-limiter.js';
import { type Channel, createChannel } from '../adapters/whatsapp/channel.js';
import type { ConversationResponder, SenderRateLimiter } from '../app/ports.js';
import { createResponder } from '../app/responder.js';
import type { Config } from '../config.js';
import { logger } from '../log.js';
import { type Infrastructure, startInfrastructure } from './infrastructure.js';

/** Everything a process role needs, built once and closed in reverse order. */
export interface Services {
  config: Config;
  infrastructure: Infrastructure;
  pool: Pool;
  producerRedis: Redis;
  workerRedis: Redis;
  queues: BullQueues;
  translator: Translator;
  metrics: Metrics;
  /** One limiter for every inbound path (simulator, Cloud webhook, Baileys), so a number has one budget. */
  senderRateLimiter: SenderRateLimiter;
  channel: Channel;
  responder: ConversationResponder;
  /** Draws report charts in a worker thread, for the outbound job (exposed so a process can warm it). */
  charts: ChartRenderer;
  close(): Promise<void>;
}

export async function createServices(config: Config): Promise<Services> {
  const infrastructure = await startInfrastructure(config);
  const pool = createPool({
    connectionString: infrastructure.databaseUrl,
    max: infrastructure.embedded.postgres
      ? Math.min(config.DATABASE_POOL_SIZE, 8)
      : config.DATABASE_POOL_SIZE,
    role: config.DATABASE_APP_ROLE,
  });
  const producerRedis = createRedisConnection({ url: infrastructure.redisUrl, role: 'producer' });
  const workerRedis = createRedisConnection({ url: infrastructure.redisUrl, role: 'worker' });
  try {
    const migrations = await migrateDatabase(infrastructure.databaseUrl);
    if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, 'database migrated');
    await waitForRedis(producerRedis, 15_000);
  } catch (error) {
    producerRedis.disconnect();
    workerRedis.disconnect();
    await pool.end().catch(() => {});
    await infrastructure.stop();
    throw error;
  }
  const queues = createBullQueues({ connection: producerRedis, prefix: config.QUEUE_PREFIX });
  const translator = createTranslator();
  const metrics = createMetrics();
  const senderRateLimiter = createSenderRateLimiter({ redis: producerRedis, prefix: config.QUEUE_PREFIX });
  const channel = createChannel({
    config,
    pool,
    redis: producerRedis,
    queue: queues,
    metrics,
    rateLimiter: senderRateLimiter,
    translator,
  });
  // Report charts are drawn off the main thread, by the outbound job; the process that sends warms the
  // thread when it starts (main.ts).
  const charts = createChartRenderer();
  const responder = createResponder({ translator });
  return {
    config,
    infrastructure,
    pool,
    producerRedis,
    workerRedis,
    queues,
    translator,
    metrics,
    senderRateLimiter,
    channel,
    responder,
    charts,
    async close() {
      await charts.close();
      await queues.close().catch(() => {});
      producerRedis.disconnect();
      workerRedis.disconnect();
      await pool.end().catch(() => {});
      await infrastructure.stop();
    },
  };
}
