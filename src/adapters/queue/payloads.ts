// Job payloads carry ids, never phone numbers or message text: the text stays in PostgreSQL, where the
// job looks it up. Anything added here must keep to that.

export interface QueuePayloads {
  inbound: {
    inboundMessageId: number;
    /** The rest of a batch accepted together, handled with the first: one job for them all. */
    alsoInboundMessageIds?: number[];
  };
  outbound: { outboundMessageId: number };
  /** asOf: a shop-local 'YYYY-MM-DD', or 'today' (resolved in the shop's time zone when the job runs). */
  features: { shopId: number; asOf: string; reason: 'nightly' | 'import' | 'manual' };
  training: { shopId: number; asOf: string; reason: 'nightly' | 'import' | 'manual' };
  /** kind: 'morning' (low stock, festival restock, price), 'evening' (no sales logged), 'weekly' (summary). */
  alerts: { shopId: number; kind: string };
  /** A dashboard CSV import, staged in PostgreSQL and claimed ('running') before the job is queued. */
  imports: { shopId: number; importId: number };
}

export type QueueName = keyof QueuePayloads;

export const QUEUE_NAMES: readonly QueueName[] = [
  'inbound',
  'outbound',
  'features',
  'training',
  'alerts',
  'imports',
];

export interface PublishOptions {
  /** Deduplicates: a job with this id that still exists is not added again. No ':' allowed. */
  jobId?: string;
  delayMs?: number;
  /** 1 (first) to 2,000,000; jobs without one are served before prioritised ones. */
  priority?: number;
}

/** The narrow interface use cases depend on; BullMQ is one implementation. */
export interface JobPublisher {
  publish<N extends QueueName>(name: N, payload: QueuePayloads[N], options?: PublishOptions): Promise<void>;
  /** Several jobs of one queue in one round trip, all or none; without it callers publish one by one. */
  publishMany?<N extends QueueName>(
    name: N,
    jobs: ReadonlyArray<{ payload: QueuePayloads[N]; options?: PublishOptions }>,
  ): Promise<void>;
}

/** Thrown when the queue backend cannot take a job right now; HTTP turns it into 503. */
export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
  readonly retryable = true;
}
