import { existsSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type AppProcess, freePort, spawnApp, stopApp, waitUntil } from './app-processes.js';

// The two shapes measured: everything in one process, and a web process with two worker processes sharing
// one Redis and one PostgreSQL (the way the system scales out across machines).

export type TopologyName = 'single' | 'scaled';

export interface Topology {
  name: TopologyName;
  port: number;
  processes: AppProcess[];
  stop(): Promise<Array<number | null>>;
}

export interface TopologyOptions {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  env: Record<string, string>;
  /** Shops in the database: the run starts once each has its schedules (see below). */
  shops: number;
}

export async function startTopology(name: TopologyName, options: TopologyOptions): Promise<Topology> {
  const port = await freePort();
  const env = {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: options.queuePrefix,
    HOST: '127.0.0.1',
    ...options.env,
  };
  const processes =
    name === 'single'
      ? [spawnApp('all', { ...env, PORT: String(port) })]
      : [
          spawnApp('web', { ...env, PORT: String(port) }, 'web'),
          spawnApp('worker-1', { ...env, PORT: '0' }, 'worker'),
          spawnApp('worker-2', { ...env, PORT: '0' }, 'worker'),
        ];
  const stop = () => Promise.all(processes.map((app) => stopApp(app)));
  try {
    const workersWanted = name === 'single' ? 1 : 2;
    await waitUntil(
      async () => {
        for (const app of processes) {
          if (app.child.exitCode !== null) throw new Error(`${app.label} exited:\n${app.output()}`);
        }
        return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
      },
      90_000,
      'the web process to be ready',
    );
    await waitUntil(
      async () => (await workerCount(options.redisUrl, options.queuePrefix)) >= workersWanted,
      90_000,
      `${workersWanted} inbound workers`,
    );
    // A worker upserts every shop's alert and forecast schedules when it starts (a few thousand cron
    // upserts for 1,000 shops); that is start-up work, and measured inside the run it would be charged to
    // the messages.
    await waitUntil(
      async () => (await schedulerCount(options.redisUrl, options.queuePrefix)) >= options.shops,
      300_000,
      `schedules of ${options.shops} shops`,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, port, processes, stop };
}

export function workerCount(redisUrl: string, prefix: string): Promise<number> {
  return withQueue(redisUrl, prefix, 'inbound', (queue) => queue.getWorkersCount());
}

/** How many shops have their nightly forecast schedule (the keeper upserts it with the others). */
function schedulerCount(redisUrl: string, prefix: string): Promise<number> {
  return withQueue(redisUrl, prefix, 'features', (queue) => queue.getJobSchedulersCount());
}

async function withQueue<T>(
  redisUrl: string,
  prefix: string,
  name: string,
  read: (queue: Queue) => Promise<T>,
): Promise<T> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(name, { connection, prefix });
  try {
    return await read(queue);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** The Redis server's process id when it runs on this machine (its /proc entry is readable), else undefined. */
export async function localRedisPid(redisUrl: string): Promise<number | undefined> {
  const redis = new Redis(redisUrl);
  try {
    const pid = Number((await redis.info('server')).match(/^process_id:(\d+)/m)?.[1]);
    return Number.isInteger(pid) && existsSync(`/proc/${pid}/stat`) ? pid : undefined;
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

/** Removes every key under the run's queue prefix from the shared Redis. */
export async function clearQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
