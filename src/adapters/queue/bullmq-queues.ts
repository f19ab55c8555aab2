import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  type JobPublisher,
  type PublishOptions,
  QUEUE_NAMES,
  type QueueName,
  QueueUnavailableError,
} from './payloads.js';

// Retries with exponential backoff everywhere; completed jobs are kept briefly for metrics and
// debugging, failed ones for a week so an operator can see and retry them.
const DEFAULT_JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  inbound: { attempts: 8, backoff: { type: 'exponential', delay: 500 } },
  outbound: { attempts: 10, backoff: { type: 'exponential', delay: 1_000 } },
  features: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 } },
  training: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  alerts: { attempts: 5, backoff: { type: 'exponential', delay: 5_000 } },
  imports: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
};
const RETENTION: JobsOptions = {
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
};

function jobOptions(options: PublishOptions): JobsOptions {
  return {
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.delayMs ? { delay: options.delayMs } : {}),
    ...(options.priority ? { priority: options.priority } : {}),
  };
}

export interface BullQueues extends Required<JobPublisher> {
  readonly prefix: string;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

export interface BullQueuesOptions {
  connection: Redis;
  prefix: string;
  /** How long publish waits for Redis before giving up with QueueUnavailableError. */
  publishTimeoutMs?: number;
}

export function createBullQueues(options: BullQueuesOptions): BullQueues {
  const queues = new Map<QueueName, Queue>();
  for (const name of QUEUE_NAMES) {
    const queue = new Queue(name, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: { ...DEFAULT_JOB_OPTIONS[name], ...RETENTION },
    });
    queue.on('error', () => {});
    queues.set(name, queue);
  }
  const timeoutMs = options.publishTimeoutMs ?? 3_000;

  // A publish that Redis does not answer in time fails as QueueUnavailableError (HTTP answers 503).
  const withinTimeout = async (name: QueueName, adding: Promise<unknown>): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(`queue ${name} did not answer`)), timeoutMs);
    });
    try {
      await Promise.race([adding, timeout]);
    } catch (error) {
      if (error instanceof QueueUnavailableError) throw error;
      throw new QueueUnavailableError(`queue ${name}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  };

  const queue = (name: QueueName): Queue => {
    const found = queues.get(name);
    if (!found) throw new Error(`unknown queue ${name}`);
    return found;
  };

  return {
    prefix: options.prefix,
    queue,
    publish(name, payload, publishOptions = {}) {
      return withinTimeout(name, queue(name).add(name, payload, jobOptions(publishOptions)));
    },
    publishMany(name, jobs) {
      const adding = queue(name).addBulk(
        jobs.map((job) => ({ name, data: job.payload, opts: jobOptions(job.options ?? {}) })),
      );
      return withinTimeout(name, adding);
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
