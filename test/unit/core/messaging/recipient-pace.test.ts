import { describe, expect, it } from 'vitest';
import { paceDelayMs } from '../../../../src/core/messaging/recipient-pace.js';

const pace = { burst: 3, intervalMs: 6_000 };

describe('per-recipient pace', () => {
  it('lets a burst through, then waits until the oldest counted send leaves the window', () => {
    expect(paceDelayMs([], pace)).toBe(0);
    expect(paceDelayMs([100, 2_000], pace)).toBe(0);
    // Three sends 1 s, 2 s and 5 s ago fill the 18 s window: the 5 s one leaves it in 13 s.
    expect(paceDelayMs([1_000, 5_000, 2_000], pace)).toBe(13_000);
  });

  it('ignores sends older than the window and never answers less than 1 ms when full', () => {
    expect(paceDelayMs([1_000, 2_000, 18_000, 40_000], pace)).toBe(0);
    expect(paceDelayMs([0, 0, 17_999.5], pace)).toBe(1);
  });

  it('with a burst of one spaces messages by the interval', () => {
    expect(paceDelayMs([2_500], { burst: 1, intervalMs: 6_000 })).toBe(3_500);
  });
});
