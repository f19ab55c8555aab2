import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type HandleInboundDeps, handleInbound } from '../src/app/handle-inbound.js';
import { handleInboundBatch } from '../src/app/handle-inbound-batch.js';
import { createInboundBatcher } from '../src/app/inbound-batcher.js';
import { logger } from '../src/log.js';

export interface InboundBatching {
  /** Inbound transactions in flight at once in this process. */
  transactions: number;
  /** Most messages one transaction handles (1: each message its own transaction). */
  batchSize: number;
  /** Told the number of messages of each transaction (metrics). */
  onTransaction?(size: number): void;
}

export default (deps: HandleInboundDeps, batching: InboundBatching = { transactions: 1, batchSize: 1 }) => {
  const batcher = createInboundBatcher({
    lanes: batching.transactions,
    maxBatch: batching.batchSize,
    handleOne: (id) => handleInbound(deps, id),
    handleBatch: (ids) => handleInboundBatch(deps, ids),
    ...(batching.onTransaction ? { onTransaction: batching.onTransaction } : {}),
    onBatchFailed: (error, size) =>
      logger.warn({ err: error, size }, 'inbound batch failed; handling its messages one by one'),
  });
  // A job of an accepted batch succeeds when all of its messages did; one that failed fails the job (after
  // the others were tried), and the retry finds the others done.
  return async (payload: QueuePayloads['inbound']) => {
    const ids = [payload.inboundMessageId, ...(payload.alsoInboundMessageIds ?? [])];
    const failed = (await Promise.allSettled(ids.map((id) => batcher.handle(id)))).find(
      (outcome) => outcome.status === 'rejected',
    );
    if (failed) throw failed.reason;
  };
};
