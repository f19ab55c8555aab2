import { describe, expect, it } from 'vitest';
import { onePerLoopTurn } from '../../../../src/adapters/charts/one-per-loop-turn.js';

// Node-API finalizers are immediates: whatever setImmediate a handler scheduled must run before the next
// item is handled, however many items were queued at once.

function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

describe('onePerLoopTurn', () => {
  it('handles items queued at once in order, each after the immediates the one before scheduled', async () => {
    const events: string[] = [];
    const enqueue = onePerLoopTurn(async (item: number) => {
      events.push(`handle ${item}`);
      setImmediate(() => events.push(`immediate of ${item}`));
    });
    for (const item of [1, 2, 3]) enqueue(item);
    await settled();
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
    const enqueue = onePerLoopTurn(async (item: string) => {
      events.push(`start ${item}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`end ${item}`);
    });
    enqueue('a');
    enqueue('b');
    await settled();
    enqueue('c');
    await settled();
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
