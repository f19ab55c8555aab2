import handleInboundJob from '../../../jobs/handle-inbound.js';
import sendOutboundJob from '../../../jobs/send-outbound.js';
import { startWorkers, type WorkerPool } from '../../../src/adapters/queue/bullmq-workers.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { startTestApp } from '../support/app.js';

// The real app (HTTP simulator channel, queues on Redis, PostgreSQL) whose inbound and outbound jobs are
// worked by the real job processors, but with the conversation's clock set by the test: advice about
// "Diwali in two weeks" needs a day two weeks before Diwali, whatever day the test runs.

export interface ClockedApp {
  app: RunningBillMitra;
  setNow(now: Date): void;
  stop(): Promise<void>;
}

export async function startClockedApp(databaseUrl: string, now: Date): Promise<ClockedApp> {
  let current = now;
  const app = await startTestApp({ databaseUrl, roles: ['web'] });
  const { services } = app;
  const workers: WorkerPool = startWorkers({
    connection: services.workerRedis,
    prefix: services.config.QUEUE_PREFIX,
    processors: {
      inbound: handleInboundJob({
        pool: services.pool,
        queue: services.queues,
        respond: services.responder,
        canSendImages: services.channel.sender.canSendImages,
        clock: () => current,
      }),
      outbound: sendOutboundJob({ pool: services.pool, sender: services.channel.sender }),
    },
    concurrency: { inbound: 2, outbound: 2 },
  });
  return {
    app,
    setNow(next) {
      current = next;
    },
    async stop() {
      await workers.close();
      await app.stop();
    },
  };
}
