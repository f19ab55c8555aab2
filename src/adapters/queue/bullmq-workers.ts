import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { logger } from '../../log.js';
import type { QueueName, QueuePayloads } from './payloads.js';

export type Processor<N extends QueueName> = (payload: QueuePayloads[N], job: Job) => Promise<void>;
export type Processors = { [N in QueueName]?: Processor<N> };

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
    const worker = new Worker(
      name,
      async (job: Job) => {
        const started = performance.now();
        await processor(job.data as QueuePayloads[typeof name], job);
        options.events?.onCompleted?.(name, performance.now() - started);
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: options.concurrency[name] ?? 1,
        // Jobs of a worker killed with SIGKILL come back after this many ms.
        stalledInterval: 15_000,
        maxStalledCount: 2,
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
