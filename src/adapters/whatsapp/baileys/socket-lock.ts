import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Only one process may hold the WhatsApp Web socket of a number: two would replace each other in a loop.
// The holder owns a Redis key with a TTL and renews it; if renewal fails (Redis away, key taken after a
// pause) it must drop the socket at once. Others poll until the key is free.

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface SocketLockOptions {
  redis: Redis;
  key: string;
  ttlMs?: number;
  retryMs?: number;
}

export interface HeldLock {
  /** Resolves when the lock is lost (renewal failed); never resolves while it is held. */
  readonly lost: Promise<void>;
  release(): Promise<void>;
}

export interface SocketLock {
  /** Waits until this process holds the lock, or `signal` aborts (then resolves undefined). */
  acquire(signal: AbortSignal): Promise<HeldLock | undefined>;
  isHeldByAnyone(): Promise<boolean>;
}

export function createSocketLock(options: SocketLockOptions): SocketLock {
  const ttlMs = options.ttlMs ?? 30_000;
  const retryMs = options.retryMs ?? 5_000;
  const { redis, key } = options;

  function hold(token: string): HeldLock {
    let released = false;
    let markLost: () => void = () => {};
    const lost = new Promise<void>((resolveLost) => {
      markLost = resolveLost;
    });
    const renew = async () => {
      if (released) return;
      const renewed = await redis.eval(RENEW, 1, key, token, ttlMs).catch(() => 0);
      if (Number(renewed) !== 1) {
        clearInterval(timer);
        markLost();
      }
    };
    const timer = setInterval(() => void renew(), Math.max(100, Math.floor(ttlMs / 3)));
    timer.unref();
    return {
      lost,
      async release() {
        released = true;
        clearInterval(timer);
        await redis.eval(RELEASE, 1, key, token).catch(() => {});
      },
    };
  }

  return {
    async acquire(signal) {
      const token = `${process.pid}-${randomUUID()}`;
      while (!signal.aborted) {
        const taken = await redis.set(key, token, 'PX', ttlMs, 'NX').catch(() => null);
        if (taken === 'OK') return hold(token);
        await sleep(retryMs, signal);
      }
      return undefined;
    },
    async isHeldByAnyone() {
      return (await redis.exists(key).catch(() => 0)) === 1;
    },
  };
}

/** Waits `ms`, or less if `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolveWait) => {
    if (signal?.aborted) return resolveWait();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolveWait();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
