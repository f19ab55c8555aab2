import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { channelQueryable, systemQueryable } from './adapters/postgres/tenant-scope.js';
import { startWorkers, type WorkerPool } from './adapters/queue/bullmq-workers.js';
import { QUEUE_NAMES } from './adapters/queue/payloads.js';
import { createScheduleKeeper } from './app/alerts/schedule-keeper.js';
import { INBOUND_PHASES_CHANNEL, type InboundPhaseTimes } from './app/inbound-phases.js';
import { recoverPending } from './app/recover-pending.js';
import type { Config } from './config.js';
import { createHttpApp } from './http/app.js';
import { dashboardRoutesFor } from './http/dashboard/dashboard-routes.js';
import { createDrainingGate } from './http/draining-server.js';
import { createHealthRoutes } from './http/health-routes.js';
import { keepConnectionsLongerThanClients } from './http/keep-alive.js';
import { createMetricsRoutes } from './http/metrics-routes.js';
import { createSimulatorRoutes } from './http/simulator-routes.js';
import { logger } from './log.js';
import { concurrencyFor, processorsFor, type Role } from './runtime/processors.js';
import { readinessChecks } from './runtime/readiness.js';
import { createServices, type Services } from './runtime/services.js';

export interface RunningBillMitra {
  services: Services;
  /** The HTTP port actually bound (PORT=0 picks a free one), when the web role runs. */
  port?: number;
  app?: Hono;
  workers?: WorkerPool;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  roles: ReadonlySet<Role>;
  /** Re-queue unfinished work every this many ms (worker role). */
  recoveryIntervalMs?: number;
}

export async function startBillMitra(options: StartOptions): Promise<RunningBillMitra> {
  const { config, roles } = options;
  const services = await createServices(config);
  const stops: Array<() => Promise<void>> = [];

  const processors = processorsFor(services, roles);
  let workers: WorkerPool | undefined;
  if (Object.keys(processors).length > 0) {
    workers = startWorkers({
      connection: services.workerRedis,
      prefix: config.QUEUE_PREFIX,
      processors,
      concurrency: concurrencyFor(config),
      events: {
        onCompleted: (queue, ms) => services.metrics.jobDuration.observe({ queue }, ms / 1000),
        onFailed: (queue, final) => services.metrics.jobFailures.inc({ queue, final: String(final) }),
      },
    });
    stops.push(() => workers?.close() ?? Promise.resolve());
    const observePhases = (times: unknown) => {
      for (const [phase, ms] of Object.entries(times as InboundPhaseTimes))
        services.metrics.inboundPhase.observe({ phase }, ms / 1000);
    };
    subscribe(INBOUND_PHASES_CHANNEL, observePhases);
    stops.push(async () => void unsubscribe(INBOUND_PHASES_CHANNEL, observePhases));
  }

  // The process that sends draws the report charts. Not under tests: a chart thread for every app a test
  // starts would cost the suite seconds of CPU.
  if (processors.outbound && config.NODE_ENV !== 'test') {
    services.charts
      .warm()
      .catch((error: unknown) => logger.warn({ err: error }, 'chart renderer did not warm up'));
  }

  if (roles.has('worker')) {
    // Shops created since the last sweep (onboarding, demo seed, import) get their alert schedules.
    const schedules = createScheduleKeeper({
      db: systemQueryable(services.pool, 'job schedules of every shop'),
      queues: services.queues,
    });
    const sweep = () =>
      Promise.all([
        recoverPending(
          {
            db: channelQueryable(services.pool),
            queue: services.queues,
            imports: systemQueryable(services.pool, 'stalled dashboard imports of every shop'),
            inboundBacklog: () =>
              services.queues.queue('inbound').getJobCountByTypes('waiting', 'prioritized'),
          },
          { olderThanSeconds: 20 },
        ),
        schedules.sync(),
      ]).catch((error) => logger.warn({ err: error }, 'recovery sweep failed'));
    void sweep();
    const timer = setInterval(sweep, options.recoveryIntervalMs ?? 30_000);
    timer.unref();
    stops.push(async () => clearInterval(timer));
  }

  if (roles.has('whatsapp') && services.channel.start) {
    await services.channel.start();
    stops.push(() => services.channel.stop?.() ?? Promise.resolve());
  }

  let port: number | undefined;
  let app: Hono | undefined;
  if (roles.has('web')) {
    app = createWebApp(services, workers);
    const gate = createDrainingGate();
    const server = serve({ fetch: gate.fetch(app.fetch), port: config.PORT, hostname: config.HOST });
    keepConnectionsLongerThanClients(server);
    await new Promise<void>((resolveListening) => server.once('listening', () => resolveListening()));
    port = (server.address() as AddressInfo).port;
    logger.info({ port, roles: [...roles] }, 'BillMitra HTTP listening');
    // Stopping the listener first means no new message is accepted while the workers drain.
    stops.unshift(() => gate.close(server, Math.min(config.SHUTDOWN_GRACE_MS, 5_000)));
  }

  let stopped: Promise<void> | undefined;
  return {
    services,
    port,
    app,
    workers,
    stop() {
      stopped ??= (async () => {
        for (const stop of stops)
          await stop().catch((error) => logger.warn({ err: error }, 'stop step failed'));
        await services.close();
      })();
      return stopped;
    },
  };
}

function createWebApp(services: Services, workers: WorkerPool | undefined): Hono {
  const { metrics, queues } = services;
  return createHttpApp({
    routes: [
      createHealthRoutes({
        checks: readinessChecks({
          db: services.pool,
          redis: services.producerRedis,
          workers,
          inboundQueue: queues.queue('inbound'),
        }),
      }),
      createMetricsRoutes({
        metrics,
        beforeScrape: async () => {
          for (const name of QUEUE_NAMES) {
            const counts = await queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
            for (const [state, count] of Object.entries(counts))
              metrics.queueDepth.set({ queue: name, state }, count);
          }
        },
      }),
      // The simulator API shows any chat to anyone who asks: only a simulator deployment (demos, tests,
      // benchmarks) serves it, never one talking to real shopkeepers over WhatsApp.
      ...(services.config.WHATSAPP_CHANNEL === 'simulator'
        ? [
            createSimulatorRoutes({
              db: channelQueryable(services.pool),
              pool: services.pool,
              queue: queues,
              metrics,
              rateLimiter: services.senderRateLimiter,
            }),
          ]
        : []),
      ...(services.channel.routes ? [services.channel.routes] : []),
      dashboardRoutesFor(services),
    ],
  });
}
