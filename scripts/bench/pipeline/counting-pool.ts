import type pg from 'pg';
import type { Pool } from '../../../src/adapters/postgres/pool.js';

// A pool that reports the text of every statement sent through it or through a client it hands out, for
// counting round trips (query-profile, and the test that pins the inbound job's).

export function countingPool(pool: Pool, onStatement: (text: string) => void): Pool {
  const counted = <T extends Pick<Pool, 'query'>>(target: T) =>
    ((...args: unknown[]) => {
      const first = args[0] as string | { text?: string };
      onStatement(typeof first === 'string' ? first : String(first.text));
      return (target.query as (...a: unknown[]) => unknown).apply(target, args);
    }) as T['query'];
  const wrapClient = (client: pg.PoolClient) =>
    new Proxy(client, {
      get(target, property, receiver) {
        return property === 'query' ? counted(target) : Reflect.get(target, property, receiver);
      },
    });
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'connect') return async () => wrapClient(await target.connect());
      if (property === 'query') return counted(target);
      return Reflect.get(target, property, receiver);
    },
  });
}
