import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// A global send rate shared by every process that sends for a channel: a sliding-window log in Redis
// (timestamps of granted sends in a sorted set, read on Redis's own clock so machines need not agree).
// The BullMQ limiter paces jobs; this paces sends, because one job may send several queued messages of
// its chat. A provider's "slow down" answer holds every sender for the time it asks.

const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('PTTL', KEYS[2])
if held > 0 then return held end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

export interface SendRateLimiter {
  readonly perSecond: number;
  /** Resolves when this process may send one message. */
  acquire(): Promise<void>;
  /** Holds every sender for `ms` (the provider said to slow down). */
  holdFor(ms: number): Promise<void>;
}

export interface SendRateLimiterOptions {
  redis: Redis;
  /** Redis key prefix, e.g. `${QUEUE_PREFIX}:send-rate:cloud`. */
  key: string;
  perSecond: number;
  /**
   * Extra window length. The provider counts sends when they arrive, a few ms after the slot is
   * granted; a slightly longer window keeps its count under the limit when those delays differ.
   */
  headroomMs?: number;
}

export function createSendRateLimiter(options: SendRateLimiterOptions): SendRateLimiter {
  const windowMs = 1_000 + (options.headroomMs ?? 50);
  const windowKey = `${options.key}:window`;
  const holdKey = `${options.key}:hold`;
  return {
    perSecond: options.perSecond,
    async acquire() {
      for (;;) {
        const waitMs = Number(
          await options.redis.eval(ACQUIRE, 2, windowKey, holdKey, options.perSecond, windowMs, randomUUID()),
        );
        if (waitMs <= 0) return;
        await new Promise((resolveWait) => setTimeout(resolveWait, Math.min(waitMs, 1_000)));
      }
    },
    async holdFor(ms: number) {
      if (ms > 0) await options.redis.set(holdKey, '1', 'PX', Math.ceil(ms));
    },
  };
}
