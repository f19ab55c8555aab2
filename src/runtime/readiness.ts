import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Queryable } from '../adapters/postgres/pool.js';
import type { WorkerPool } from '../adapters/queue/bullmq-workers.js';
import type { ReadinessCheck } from '../http/health-routes.js';

export interface ReadinessSources {
  db: Queryable;
  redis: Redis;
  /** This process's workers, when it runs any. */
  workers?: WorkerPool;
  /** Otherwise: the queue whose workers (in other processes) must be connected. */
  inboundQueue: Queue;
  /** A waiting inbound job older than this means the workers are stuck, even if they are connected. */
  maxInboundWaitMs?: number;
  clock?: () => number;
}

export function readinessChecks(sources: ReadinessSources): ReadinessCheck[] {
  return [
    { name: 'postgres', check: async () => void (await sources.db.query('SELECT 1')) },
    {
      name: 'redis',
      check: async () => {
        if ((await sources.redis.ping()) !== 'PONG') throw new Error('no PONG');
      },
    },
    {
      name: 'workers',
      check: async () => {
        if (sources.workers) {
          if (!sources.workers.running()) throw new Error('workers stopped');
          return;
        }
        if ((await sources.inboundQueue.getWorkersCount()) === 0)
          throw new Error('no inbound worker connected');
      },
    },
    {
      name: 'inbound-progress',
      check: async () => {
        const [oldest] = await sources.inboundQueue.getJobs(['waiting', 'prioritized'], 0, 0, true);
        const waitedMs = oldest ? (sources.clock?.() ?? Date.now()) - oldest.timestamp : 0;
        if (waitedMs > (sources.maxInboundWaitMs ?? 60_000)) {
          throw new Error(`oldest waiting message has waited ${Math.round(waitedMs / 1000)} s`);
        }
      },
    },
  ];
}
