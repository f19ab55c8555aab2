import { DelayedError, type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../../log.js';
import type { QueueName, QueuePayloads } from './payloads.js';

export type Processor<N extends QueueName> = (payload: QueuePayloads[N], job: Job) => Promise<void>;
export type Processors = { [N in QueueName]?: Processor<N> };

export interface RateLimit {
  max: number;
  durationMs: number;
}

// A processor can carry the global rate its queue must keep (BullMQ limiter), so the process that builds
// processors decides it without a separate option travelling alongside.
const rateLimits = new WeakMap<object, RateLimit>();

export function withRateLimit<P extends object>(processor: P, limit: RateLimit): P {
  rateLimits.set(processor, limit);
  return processor;
}

/** A job asked to run again later (rate limit, recipient pace): delayed, without using up an attempt. */
function retryAfterMs(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && value > 0 ? value : undefined;
}

export interface WorkerEvents {
  onCompleted?(queue: QueueName, durationMs: number): void;
  onFailed?(queue: QueueName, finalAttempt: boolean): void;
}

export interface WorkerPool {
  readonly running: () => boolean;
  readonly queues: QueueName[];
  /** Stop taking jobs, let running ones finish (BullMQ's graceful close), close connections. */
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  connection: Redis;
  prefix: string;
  processors: Processors;
  concurrency: Partial<Record<QueueName, number>>;
  events?: WorkerEvents;
}

export function startWorkers(options: WorkerPoolOptions): WorkerPool {
  const workers: Worker[] = [];
  const names = Object.keys(options.processors) as QueueName[];
  for (const name of names) {
    const processor = options.processors[name] as Processor<typeof name>;
    const limit = rateLimits.get(processor);
    const worker = new Worker(
      name,
      async (job: Job, token?: string) => {
        const started = performance.now();
        try {
          await processor(job.data as QueuePayloads[typeof name], job);
        } catch (error) {
          const delayMs = retryAfterMs(error);
          if (delayMs === undefined) throw error;
          await job.moveToDelayed(Date.now() + delayMs, token);
          throw new DelayedError();
        }
        options.events?.onCompleted?.(name, performance.now() - started);
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: options.concurrency[name] ?? 1,
        // Jobs of a worker killed with SIGKILL come back after this many ms.
        stalledInterval: 15_000,
        maxStalledCount: 2,
        ...(limit ? { limiter: { max: limit.max, duration: limit.durationMs } } : {}),
      },
    );
    worker.on('failed', (job, error) => {
      const finalAttempt = job ? job.attemptsMade >= (job.opts.attempts ?? 1) : true;
      options.events?.onFailed?.(name, finalAttempt);
      logger.warn(
        { queue: name, jobId: job?.id, attempt: job?.attemptsMade, err: error, finalAttempt },
        'job failed',
      );
    });
    worker.on('error', (error) => logger.error({ queue: name, err: error }, 'worker error'));
    workers.push(worker);
  }
  return {
    queues: names,
    running: () => workers.every((worker) => worker.isRunning()),
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
