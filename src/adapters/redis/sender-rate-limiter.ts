import { randomBytes } from 'node:crypto';
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

// A sliding log: one sorted-set entry per admitted message, scored by its time. Trimming, counting and
// adding run as one script, so two web processes admitting the same sender at once cannot both take the
// last place. Refused messages are not logged: the set never holds more than hardLimit entries, and a
// flooder is let in again as soon as its oldest admitted message leaves the window. One call admits a
// whole batch of deliveries (a sender twice in it counts twice, in order): one round trip per batch.
// The keys share the queue prefix, so under Redis Cluster a {hash-tagged} prefix keeps them in one slot.
const ADMIT_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key) + 1
  if count <= limit then
    redis.call('ZADD', key, now, ARGV[3 + i])
    redis.call('PEXPIRE', key, window)
  end
  counts[i] = count
end
return counts
`;

/**
 * Counts each sender's messages over the last window (sliding, so no burst straddling a boundary gets
 * twice the limit). Within the fair share a message is queued at the top priority; beyond it, at a
 * priority that sinks with every extra message, so one flooding number waits behind everyone else instead
 * of starving them; past the hard limit it is refused. Keys hold a pseudonym, never the number.
 */
export function createSenderRateLimiter(options: SenderRateLimiterOptions): SenderRateLimiter {
  const fairShare = options.fairShare ?? 30;
  const hardLimit = options.hardLimit ?? 600;
  const windowSeconds = options.windowSeconds ?? 60;
  const windowMs = windowSeconds * 1000;
  const unavailable = (error: unknown) =>
    new QueueUnavailableError(`rate limiter: ${(error as Error).message}`);
  const admission = (count: number): SenderAdmission => {
    if (count > hardLimit) return { allowed: false, priority: 0 };
    // BullMQ: 1 is the highest priority, larger numbers wait longer.
    return { allowed: true, priority: count <= fairShare ? 1 : Math.min(1 + count - fairShare, 2_000_000) };
  };
  const admitMany = async (senders: readonly string[], now: Date): Promise<SenderAdmission[]> => {
    if (senders.length === 0) return [];
    const keys = senders.map((sender) => `${options.prefix}:rate:${pseudonym(sender)}`);
    // Unique per message, so two admitted in the same millisecond are two entries.
    const entries = senders.map(() => `${now.getTime()}:${randomBytes(6).toString('hex')}`);
    let counts: unknown;
    try {
      counts = await options.redis.eval(
        ADMIT_SCRIPT,
        keys.length,
        ...keys,
        now.getTime(),
        windowMs,
        hardLimit,
        ...entries,
      );
    } catch (error) {
      throw unavailable(error);
    }
    return (counts as number[]).map((count) => admission(Number(count)));
  };
  return {
    async admit(sender, now) {
      const [only] = await admitMany([sender], now);
      if (!only) throw unavailable(new Error('no answer for the sender'));
      return only;
    },
    admitMany,

    async claimSlowDownNotice(sender: string, _now: Date): Promise<boolean> {
      const key = `${options.prefix}:rate-notice:${pseudonym(sender)}`;
      try {
        return (await options.redis.set(key, '1', 'EX', windowSeconds, 'NX')) === 'OK';
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}
