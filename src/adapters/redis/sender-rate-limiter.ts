import type { Redis } from 'ioredis';
import type { SenderAdmission, SenderRateLimiter } from '../../app/ports.js';
import { pseudonym } from '../../log.js';
import { QueueUnavailableError } from '../queue/payloads.js';

export interface SenderRateLimiterOptions {
  redis: Redis;
  prefix: string;
  /** Messages per sender per window served at normal priority. */
  fairShare?: number;
  /** Messages per sender per window beyond which we refuse (the sender is flooding). */
  hardLimit?: number;
  windowSeconds?: number;
}

/**
 * Counts each sender's messages in a fixed window in Redis. Within the fair share a message is queued at
 * the top priority; beyond it, at a priority that sinks with every extra message, so one flooding number
 * waits behind everyone else instead of starving them; past the hard limit it is refused. Keys hold a
 * pseudonym, never the number.
 */
export function createSenderRateLimiter(options: SenderRateLimiterOptions): SenderRateLimiter {
  const fairShare = options.fairShare ?? 30;
  const hardLimit = options.hardLimit ?? 600;
  const windowSeconds = options.windowSeconds ?? 60;
  return {
    async admit(sender: string, now: Date): Promise<SenderAdmission> {
      const window = Math.floor(now.getTime() / 1000 / windowSeconds);
      const key = `${options.prefix}:rate:${pseudonym(sender)}:${window}`;
      let results: Array<[Error | null, unknown]> | null;
      try {
        results = await options.redis
          .multi()
          .incr(key)
          .expire(key, windowSeconds * 2)
          .exec();
      } catch (error) {
        throw new QueueUnavailableError(`rate limiter: ${(error as Error).message}`);
      }
      const count = Number(results?.[0]?.[1] ?? 0);
      if (count > hardLimit) return { allowed: false, priority: 0 };
      // BullMQ: 1 is the highest priority, larger numbers wait longer.
      return { allowed: true, priority: count <= fairShare ? 1 : Math.min(1 + count - fairShare, 2_000_000) };
    },

    async claimSlowDownNotice(sender: string, _now: Date): Promise<boolean> {
      const key = `${options.prefix}:rate-notice:${pseudonym(sender)}`;
      try {
        return (await options.redis.set(key, '1', 'EX', windowSeconds, 'NX')) === 'OK';
      } catch (error) {
        throw new QueueUnavailableError(`rate limiter: ${(error as Error).message}`);
      }
    },
  };
}
