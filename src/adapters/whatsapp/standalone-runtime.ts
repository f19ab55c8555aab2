import type { Redis } from 'ioredis';
import type { Config } from '../../config.js';
import { createPool, type Pool } from '../postgres/pool.js';
import { createBullQueues } from '../queue/bullmq-queues.js';
import type { JobPublisher } from '../queue/payloads.js';
import { createRedisConnection } from '../redis/connection.js';

// The real channels record inbound messages and queue jobs, so they need PostgreSQL, Redis and the queue.
// The process's services pass theirs when they can; when a channel is built from configuration alone it
// opens its own small set from DATABASE_URL and REDIS_URL (the production setup). The embedded servers'
// addresses are only known to the services, so there the services must pass them.

export interface ChannelRuntime {
  pool: Pool;
  redis: Redis;
  queue: JobPublisher;
  close(): Promise<void>;
}

export function openStandaloneRuntime(config: Config): ChannelRuntime {
  if (!config.DATABASE_URL || !config.REDIS_URL) {
    throw new Error(
      `WHATSAPP_CHANNEL=${config.WHATSAPP_CHANNEL} needs DATABASE_URL and REDIS_URL (or the services' pool, ` +
        'Redis and queue passed to createChannel); the embedded PostgreSQL/Redis cannot be reached from here',
    );
  }
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: 4,
    applicationName: 'billmitra-whatsapp',
    role: config.DATABASE_APP_ROLE,
  });
  const redis = createRedisConnection({
    url: config.REDIS_URL,
    role: 'producer',
    name: 'billmitra-whatsapp',
  });
  const queues = createBullQueues({ connection: redis, prefix: config.QUEUE_PREFIX });
  return {
    pool,
    redis,
    queue: queues,
    async close() {
      await queues.close().catch(() => {});
      redis.disconnect();
      await pool.end().catch(() => {});
    },
  };
}
