import handleInboundJob from '../../jobs/handle-inbound.js';
import sendOutboundJob from '../../jobs/send-outbound.js';
import type { Processors } from '../adapters/queue/bullmq-workers.js';
import type { QueueName } from '../adapters/queue/payloads.js';
import type { Services } from './services.js';

/** Which queues a process works on, given its roles, and the processor for each. */
export function processorsFor(services: Services, roles: ReadonlySet<Role>): Processors {
  const processors: Processors = {};
  const { channel, metrics } = services;
  if (roles.has('worker')) {
    processors.inbound = handleInboundJob({
      pool: services.pool,
      queue: services.queues,
      respond: services.responder,
      canSendImages: channel.sender.canSendImages,
    });
  }
  const sendsHere = channel.sendsFromWhatsappRole ? roles.has('whatsapp') : roles.has('worker');
  if (sendsHere) {
    processors.outbound = sendOutboundJob({
      pool: services.pool,
      sender: channel.sender,
      onSent: (name) => metrics.messagesOut.inc({ channel: name, outcome: 'sent' }),
      onFailed: (name, permanent) =>
        metrics.messagesOut.inc({ channel: name, outcome: permanent ? 'failed' : 'retry' }),
    });
  }
  return processors;
}

export type Role = 'web' | 'worker' | 'whatsapp';
export const ALL_ROLES: readonly Role[] = ['web', 'worker', 'whatsapp'];

export function concurrencyFor(workerConcurrency: number): Partial<Record<QueueName, number>> {
  return { inbound: workerConcurrency, outbound: workerConcurrency, features: 1, training: 1, alerts: 2 };
}
