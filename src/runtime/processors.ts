import buildFeaturesJob from '../../jobs/build-features.js';
import handleInboundJob, { type InboundBatching } from '../../jobs/handle-inbound.js';
import runAlertsJob from '../../jobs/run-alerts.js';
import runDashboardImportJob from '../../jobs/run-dashboard-import.js';
import sendOutboundJob from '../../jobs/send-outbound.js';
import trainModelsJob from '../../jobs/train-models.js';
import { type Processors, withRateLimit } from '../adapters/queue/bullmq-workers.js';
import type { QueueName } from '../adapters/queue/payloads.js';
import { rateLimitedSender } from '../adapters/whatsapp/outbound/rate-limited-sender.js';
import { createSendRateLimiter } from '../adapters/whatsapp/outbound/send-rate-limiter.js';
import { createForecastingMetrics } from '../app/forecasting/forecasting-metrics.js';
import type { HandleInboundDeps } from '../app/handle-inbound.js';
import type { Config } from '../config.js';
import type { Services } from './services.js';

/** Which queues a process works on, given its roles, and the processor for each. */
export function processorsFor(services: Services, roles: ReadonlySet<Role>): Processors {
  const processors: Processors = {};
  const { channel, metrics } = services;
  if (roles.has('worker')) {
    processors.inbound = handleInboundJob(
      {
        pool: services.pool,
        queue: services.queues,
        respond: services.responder,
        canSendImages: channel.sender.canSendImages,
        ...deliverOnRecord(services),
      },
      {
        ...inboundBatching(services.config),
        onTransaction: (size) => metrics.inboundBatchSize.observe(size),
      },
    );
    processors.alerts = runAlertsJob({
      pool: services.pool,
      queue: services.queues,
      translator: services.translator,
      channelName: channel.name,
      templateName: services.config.WHATSAPP_CLOUD_TEMPLATE_NAME,
    });
    // Nightly (and after imports): features, then training, which writes the forecasts advice reads.
    const forecasting = createForecastingMetrics(metrics.registry);
    processors.features = buildFeaturesJob({
      pool: services.pool,
      queue: services.queues,
      metrics: forecasting,
    });
    processors.training = trainModelsJob({ pool: services.pool, metrics: forecasting });
    processors.imports = runDashboardImportJob({ pool: services.pool, queue: services.queues });
  }
  const sendsHere = channel.sendsFromWhatsappRole ? roles.has('whatsapp') : roles.has('worker');
  if (sendsHere) {
    // The global rate: BullMQ's limiter paces jobs across workers, the Redis limiter paces the sends
    // themselves (a job may send earlier queued messages of its chat too).
    const rate = services.config.OUTBOUND_RATE_PER_SECOND ?? channel.defaultRatePerSecond;
    const sender = rate
      ? rateLimitedSender(channel.sender, {
          limiter: createSendRateLimiter({
            redis: services.producerRedis,
            key: `${services.config.QUEUE_PREFIX}:send-rate:${channel.name}`,
            perSecond: rate,
          }),
          ...(channel.canSendNow ? { canSendNow: channel.canSendNow } : {}),
        })
      : channel.sender;
    const outbound = sendOutboundJob({
      pool: services.pool,
      sender,
      charts: services.charts,
      onSent: (name) => metrics.messagesOut.inc({ channel: name, outcome: 'sent' }),
      onFailed: (name, permanent) =>
        metrics.messagesOut.inc({ channel: name, outcome: permanent ? 'failed' : 'retry' }),
      ...(channel.recipientPace ? { recipientPace: channel.recipientPace } : {}),
      ...(channel.serviceWindow ? { serviceWindow: channel.serviceWindow } : {}),
    });
    processors.outbound = rate ? withRateLimit(outbound, { max: rate, durationMs: 1_000 }) : outbound;
  }
  return processors;
}

/** A reply the simulator records as sent in the inbound job is counted as sent like one the outbound job sends. */
function deliverOnRecord({ channel, metrics }: Services): Pick<HandleInboundDeps, 'deliverOnRecord'> {
  const deliver = channel.sender.deliversOnRecord;
  if (!deliver || channel.sendsFromWhatsappRole) return {};
  return {
    deliverOnRecord: {
      providerIdPrefix: deliver.providerIdPrefix,
      onDelivered: (count) => metrics.messagesOut.inc({ channel: channel.name, outcome: 'sent' }, count),
    },
  };
}

export type Role = 'web' | 'worker' | 'whatsapp';
export const ALL_ROLES: readonly Role[] = ['web', 'worker', 'whatsapp'];

export function inboundBatching(
  config: Pick<Config, 'INBOUND_TRANSACTIONS' | 'INBOUND_BATCH_SIZE'>,
): InboundBatching {
  return { transactions: config.INBOUND_TRANSACTIONS, batchSize: config.INBOUND_BATCH_SIZE };
}

/**
 * Jobs each queue runs at once in a worker process. Inbound takes enough for every transaction in flight
 * to fill a batch (the jobs wait in the process's batcher, see inbound-batcher.ts).
 */
export function concurrencyFor(
  config: Pick<Config, 'WORKER_CONCURRENCY' | 'INBOUND_TRANSACTIONS' | 'INBOUND_BATCH_SIZE'>,
): Partial<Record<QueueName, number>> {
  return {
    inbound: config.INBOUND_TRANSACTIONS * config.INBOUND_BATCH_SIZE,
    outbound: config.WORKER_CONCURRENCY,
    features: 1,
    training: 1,
    alerts: 2,
    imports: 1,
  };
}
