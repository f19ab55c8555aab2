import { describe, expect, it } from 'vitest';
import { onePerLoopTurn } from '../../../../src/adapters/charts/one-per-loop-turn.js';

// Node-API finalizers are immediates: whatever setImmediate a handler scheduled must run before the next
// item is handled, however many items were queued at once.

/** Resolves once `done` has been called `count` times (and every immediate queued by then has run). */
function countdown(count: number): { done: () => void; settled: Promise<void> } {
  let left = count;
  let resolve: () => void = () => {};
  const settled = new Promise<void>((r) => {
    resolve = r;
  });
  return {
    done: () => {
      left -= 1;
      if (left === 0) setImmediate(() => setImmediate(resolve));
    },
    settled,
  };
}

describe('onePerLoopTurn', () => {
  it('handles items queued at once in order, each after the immediates the one before scheduled', async () => {
    const events: string[] = [];
    const handled = countdown(3);
    const enqueue = onePerLoopTurn(async (item: number) => {
      events.push(`handle ${item}`);
      setImmediate(() => events.push(`immediate of ${item}`));
      handled.done();
    });
    for (const item of [1, 2, 3]) enqueue(item);
    await handled.settled;
    expect(events).toEqual([
      'handle 1',
      'immediate of 1',
      'handle 2',
      'immediate of 2',
      'handle 3',
      'immediate of 3',
    ]);
  });

  it('waits for a slow item before the next, and starts again for items queued after the queue ran dry', async () => {
    const events: string[] = [];
    let ended = countdown(2);
    const enqueue = onePerLoopTurn(async (item: string) => {
      events.push(`start ${item}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${item}`);
      ended.done();
    });
    enqueue('a');
    enqueue('b');
    await ended.settled;
    ended = countdown(1);
    enqueue('c');
    await ended.settled;
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
