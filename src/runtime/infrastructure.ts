import { join } from 'node:path';
import { startEmbeddedPostgres } from '../adapters/postgres/embedded.js';
import { startLocalRedis } from '../adapters/redis/local-server.js';
import type { Config } from '../config.js';
import { logger } from '../log.js';

export interface Infrastructure {
  databaseUrl: string;
  redisUrl: string;
  embedded: { postgres: boolean; redis: boolean };
  stop(): Promise<void>;
}

/**
 * Resolves where PostgreSQL and Redis are: the configured servers, or embedded ones under DATA_DIR
 * (PGlite in-process, a private redis-server child) so a fresh machine runs with no servers at all.
 */
export async function startInfrastructure(config: Config): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pglite') });
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
      logger.info({ dataDir: join(config.DATA_DIR, 'pglite') }, 'using embedded PostgreSQL (PGlite)');
    }
    let redisUrl = config.REDIS_URL;
    if (!redisUrl) {
      const redis = await startLocalRedis({
        binary: config.REDIS_SERVER_BIN,
        dataDir: join(config.DATA_DIR, 'redis'),
      });
      stops.push(redis.stop);
      redisUrl = redis.url;
      logger.info({ dataDir: join(config.DATA_DIR, 'redis') }, 'started a private redis-server');
    }
    return {
      databaseUrl,
      redisUrl,
      embedded: { postgres: !config.DATABASE_URL, redis: !config.REDIS_URL },
      async stop() {
        for (const stop of stops.reverse()) await stop().catch(() => {});
      },
    };
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
}
