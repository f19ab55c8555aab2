import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// A global send rate shared by every process that sends for a channel, kept in Redis on Redis's own clock.
// Each send holds a slot from the moment it is allowed until one window after it finished. The provider
// counts a message when it arrives, somewhere between those two moments, so however unevenly requests
// travel (a busy process, a slow network) no window of the provider's clock sees more than the rate.
// The BullMQ limiter paces jobs; this paces sends, because one job may send several queued messages of its
// chat. A provider's "slow down" answer holds every sender for the time it asks.

const WINDOW_MS = 1_000;
/** A slot whose send never reported back (process died mid-send) frees itself after this long. */
const IN_FLIGHT_MS = 60_000;

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('PTTL', KEYS[2])
if held > 0 then return held end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
  return 0
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(first[2]) - now)
`;

// `now` is whole milliseconds, rounded down: a send that finished at x.9 ms would free its slot 999.1 ms
// later, and a send allowed then could arrive within one window of it (seen: 31 in a 1 s window at 30/s).
// The slot is kept one millisecond longer than the window instead.
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]) + 1, ARGV[1])
end
return 0
`;

export interface SendRateLimiter {
  readonly perSecond: number;
  /** Resolves with a slot when this process may send one message. */
  acquire(): Promise<string>;
  /** The send of this slot has finished (either way); the slot frees one window from now. */
  release(slot: string): Promise<void>;
  /** Holds every sender for `ms` (the provider said to slow down). */
  holdFor(ms: number): Promise<void>;
}

export interface SendRateLimiterOptions {
  redis: Redis;
  /** Redis key prefix, e.g. `${QUEUE_PREFIX}:send-rate:cloud`. */
  key: string;
  perSecond: number;
}

export function createSendRateLimiter(options: SendRateLimiterOptions): SendRateLimiter {
  const slotsKey = `${options.key}:slots`;
  const holdKey = `${options.key}:hold`;
  return {
    perSecond: options.perSecond,
    async acquire() {
      const slot = randomUUID();
      for (;;) {
        const waitMs = Number(
          await options.redis.eval(ACQUIRE, 2, slotsKey, holdKey, options.perSecond, IN_FLIGHT_MS, slot),
        );
        if (waitMs <= 0) return slot;
        // Slots held by sends still in flight free up when those finish, so look again soon.
        await new Promise((resolveWait) => setTimeout(resolveWait, Math.min(waitMs, 100)));
      }
    },
    async release(slot) {
      await options.redis.eval(RELEASE, 1, slotsKey, slot, WINDOW_MS).catch(() => {});
    },
    async holdFor(ms) {
      if (ms > 0) await options.redis.set(holdKey, '1', 'PX', Math.ceil(ms));
    },
  };
}
