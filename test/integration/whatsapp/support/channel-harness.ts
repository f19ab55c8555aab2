import type { Hono } from 'hono';
import { channelQueryable } from '../../../../src/adapters/postgres/tenant-scope.js';
import {
  type Processors,
  startWorkers,
  type WorkerPool,
} from '../../../../src/adapters/queue/bullmq-workers.js';
import { type Channel, type ChannelDeps, createChannel } from '../../../../src/adapters/whatsapp/channel.js';
import type { Config } from '../../../../src/config.js';
import { createHttpApp } from '../../../../src/http/app.js';
import { createSimulatorRoutes } from '../../../../src/http/simulator-routes.js';
import { concurrencyFor, processorsFor, type Role } from '../../../../src/runtime/processors.js';
import { createServices, type Services } from '../../../../src/runtime/services.js';
import { testConfig } from '../../support/app.js';

// The application's real parts (services, the channel, processors, BullMQ workers, the hono app) put
// together for a WhatsApp channel. startBillMitra builds the channel from config alone; the real channels
// also need the pool, Redis and the queue, so here they are given them.

export interface ChannelHarness {
  config: Config;
  services: Services;
  channel: Channel;
  app: Hono;
  workers: WorkerPool | undefined;
  stop(): Promise<void>;
}

export interface ChannelHarnessOptions {
  databaseUrl: string;
  env: Record<string, string>;
  roles?: Role[];
  baileys?: ChannelDeps['baileys'];
  /** Start the channel (Baileys: take the lock and open the socket). */
  start?: boolean;
}

export async function startChannelHarness(options: ChannelHarnessOptions): Promise<ChannelHarness> {
  const config = testConfig({ databaseUrl: options.databaseUrl, env: options.env });
  const base = await createServices({ ...config, WHATSAPP_CHANNEL: 'simulator' });
  const channel = createChannel({
    config,
    pool: base.pool,
    redis: base.producerRedis,
    queue: base.queues,
    metrics: base.metrics,
    ...(options.baileys ? { baileys: options.baileys } : {}),
  });
  const services: Services = { ...base, config, channel };
  const processors: Processors = processorsFor(
    services,
    new Set(options.roles ?? ['web', 'worker', 'whatsapp']),
  );
  const workers =
    Object.keys(processors).length > 0
      ? startWorkers({
          connection: services.workerRedis,
          prefix: config.QUEUE_PREFIX,
          processors,
          concurrency: concurrencyFor(config),
        })
      : undefined;
  if (options.start !== false) await channel.start?.();
  const app = createHttpApp({
    routes: [
      createSimulatorRoutes({ db: channelQueryable(services.pool), queue: services.queues }),
      ...(channel.routes ? [channel.routes] : []),
    ],
  });
  return {
    config,
    services,
    channel,
    app,
    workers,
    async stop() {
      await workers?.close();
      await channel.stop?.();
      await services.close();
    },
  };
}

export const CLOUD_ENV = {
  WHATSAPP_CHANNEL: 'cloud',
  WHATSAPP_CLOUD_APP_SECRET: 'test-app-secret',
  WHATSAPP_CLOUD_VERIFY_TOKEN: 'test-verify-token',
  WHATSAPP_CLOUD_ACCESS_TOKEN: 'test-access-token',
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: '1098765432',
};

export const BAILEYS_ENV = {
  WHATSAPP_CHANNEL: 'baileys',
  WHATSAPP_AUTH_KEY: '6d1f0b7a2c3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccdd0',
  ADMIN_TOKEN: 'admin-token-for-tests-0123',
};
