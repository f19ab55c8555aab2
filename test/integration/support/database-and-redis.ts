import type { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createRedisConnection, waitForRedis } from '../../../src/adapters/redis/connection.js';
import { createTestDatabase, TEST_REDIS_URL, type TestDatabase } from './services.js';

export interface DatabaseAndRedis {
  readonly database: TestDatabase;
  readonly redis: Redis;
}

/** A fresh PostgreSQL database and a producer Redis connection for the calling describe block. */
export function useDatabaseAndRedis(): DatabaseAndRedis {
  const redis = createRedisConnection({ url: TEST_REDIS_URL, role: 'producer' });
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await waitForRedis(redis);
  });
  afterAll(async () => {
    redis.disconnect();
    await database?.drop();
  });
  return {
    redis,
    get database() {
      if (!database) throw new Error('the database is created in beforeAll');
      return database;
    },
  };
}
