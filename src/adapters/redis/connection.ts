import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

export interface RedisConnectionOptions {
  url: string;
  /**
   * Workers block on Redis and must never give up on a command (BullMQ requires
   * maxRetriesPerRequest: null); producers on an HTTP path should fail fast instead so the caller can
   * answer 503 while Redis is away.
   */
  role: 'worker' | 'producer';
  name?: string;
}

/**
 * How long to wait before reconnect attempt `attempt` (1, 2, ...). The ceiling is what the web role waits
 * after Redis is back before it answers again (a 5 s ceiling kept /readyz and inbound at 503 for seconds),
 * so it stays at half a second: an attempt against a server that is down is one refused TCP connect, and
 * requests during the outage are refused at once anyway (no offline queue). The jitter keeps many
 * processes from reconnecting in lockstep.
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(attempt - 1, 0), 400) + Math.floor(Math.random() * 100);
}

export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const common: RedisOptions = {
    connectionName: options.name ?? `billmitra-${options.role}`,
    retryStrategy: reconnectDelayMs,
    lazyConnect: false,
  };
  const roleOptions: RedisOptions =
    options.role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  const redis = new Redis(options.url, { ...common, ...roleOptions });
  // ioredis reconnects by itself; an unhandled 'error' event would otherwise crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Resolves once the connection is ready, or rejects after `timeoutMs`. */
export async function waitForRedis(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis did not become ready within ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolvePromise();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
