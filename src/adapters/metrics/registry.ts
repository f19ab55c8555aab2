import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// Label values are channels, queues and outcomes: never a phone number, shop name or message text.

export interface Metrics {
  registry: Registry;
  messagesIn: Counter<'channel' | 'outcome'>;
  messagesOut: Counter<'channel' | 'outcome'>;
  jobDuration: Histogram<'queue'>;
  jobFailures: Counter<'queue' | 'final'>;
  queueDepth: Gauge<'queue' | 'state'>;
  inboundPhase: Histogram<'phase'>;
  inboundBatchSize: Histogram;
}

export function createMetrics(options: { collectDefaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.collectDefaults !== false) collectDefaultMetrics({ register: registry, prefix: 'billmitra_' });
  return {
    registry,
    messagesIn: new Counter({
      name: 'billmitra_messages_in_total',
      help: 'Inbound messages by channel and outcome (accepted, duplicate, rejected, rate_limited, unavailable)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    messagesOut: new Counter({
      name: 'billmitra_messages_out_total',
      help: 'Outbound messages by channel and outcome (sent, retry, failed)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'billmitra_job_duration_seconds',
      help: 'Job processing time by queue',
      labelNames: ['queue'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'billmitra_job_failures_total',
      help: 'Failed job attempts by queue; final="true" when no retries are left',
      labelNames: ['queue', 'final'],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'billmitra_queue_jobs',
      help: 'Jobs per queue and state, read from Redis at scrape time',
      labelNames: ['queue', 'state'],
      registers: [registry],
    }),
    inboundPhase: new Histogram({
      name: 'billmitra_inbound_phase_seconds',
      help: 'Time an inbound message spends in each phase (queue wait, lock, conversation db/cpu, commit, publish)',
      labelNames: ['phase'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    inboundBatchSize: new Histogram({
      name: 'billmitra_inbound_transaction_messages',
      help: 'Inbound messages handled per worker transaction (group commit; 1 under light load)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers: [registry],
    }),
  };
}
