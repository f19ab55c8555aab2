import { describe, expect, it } from 'vitest';
import { createInboundBatcher } from '../../../src/app/inbound-batcher.js';

// The batcher's shapes: a lone job runs alone, jobs that queue behind busy lanes go together (a lane's
// share of them, up to the batch size), and a failed batch is retried one job at a time.

function recorder(failBatches = false) {
  const calls: Array<number | number[]> = [];
  return {
    calls,
    handleOne: async (id: number) => {
      calls.push(id);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (id < 0) throw new Error(`job ${id} failed`);
    },
    handleBatch: async (ids: readonly number[]) => {
      calls.push([...ids]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (failBatches) throw new Error('batch failed');
    },
  };
}

describe('inbound batcher', () => {
  it('runs the first job alone and the ones queued behind it in batches of at most maxBatch', async () => {
    const handlers = recorder();
    const sizes: number[] = [];
    const batcher = createInboundBatcher({
      ...handlers,
      lanes: 1,
      maxBatch: 3,
      onTransaction: (size) => sizes.push(size),
    });
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((id) => batcher.handle(id)));
    expect(handlers.calls).toEqual([1, [2, 3, 4], [5, 6, 7]]);
    expect(sizes).toEqual([1, 3, 3]);
  });

  it('keeps as many transactions in flight as it has lanes', async () => {
    const handlers = recorder();
    const batcher = createInboundBatcher({ ...handlers, lanes: 2, maxBatch: 8 });
    await Promise.all([1, 2, 3, 4, 5].map((id) => batcher.handle(id)));
    expect(handlers.calls).toEqual([1, 2, [3, 4], 5]);
  });

  it('spreads a backlog over the lanes as they free up, and takes maxBatch only when it is long', async () => {
    const handlers = recorder();
    const sizes: number[] = [];
    const batcher = createInboundBatcher({
      ...handlers,
      lanes: 4,
      maxBatch: 32,
      onTransaction: (size) => sizes.push(size),
    });
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);
    // Four lanes busy with one job each, 32 jobs queued behind them: a quarter each, not 32 in the first.
    await Promise.all([...ids(1, 4), ...ids(5, 32)].map((id) => batcher.handle(id)));
    expect(sizes.slice(0, 8)).toEqual([1, 1, 1, 1, 8, 6, 5, 4]);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(36);
    sizes.length = 0;
    // 200 queued: the lanes take the most a batch may hold while the backlog lasts.
    await Promise.all([...ids(101, 4), ...ids(105, 200)].map((id) => batcher.handle(id)));
    expect(sizes.slice(4, 6)).toEqual([32, 32]);
    expect(Math.max(...sizes)).toBe(32);
  });

  it('retries a failed batch job by job, so each job succeeds or fails on its own', async () => {
    const handlers = recorder(true);
    const failed: number[] = [];
    const batcher = createInboundBatcher({
      ...handlers,
      lanes: 1,
      maxBatch: 8,
      onBatchFailed: (_error, size) => failed.push(size),
    });
    const outcomes = await Promise.allSettled([1, 2, -3, 4].map((id) => batcher.handle(id)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(failed).toEqual([3]);
    expect(handlers.calls).toEqual([1, [2, -3, 4], 2, -3, 4]);
  });
});
