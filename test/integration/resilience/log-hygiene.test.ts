import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedShops } from '../../../scripts/bench/pipeline/bench-database.js';
import { shopPhone } from '../../../scripts/bench/pipeline/message-mix.js';
import { waitFor } from '../support/app.js';
import { type BillMitraProcess, spawnBillMitra } from '../support/child-process.js';
import {
  createTestDatabase,
  TEST_REDIS_URL,
  type TestDatabase,
  testQueuePrefix,
} from '../support/services.js';
import { findLeaks, type Sensitive } from './secrets-in-the-clear.js';

// A full scripted shop day through the real application (a `billmitra start` process, LOG_LEVEL=debug, JSON
// logs captured), then the logs, the metrics page and every key under the queue prefix in Redis (job
// payloads, rate-limit keys, events) are searched for phone numbers, message and reply text, and secrets.

const OWNER = shopPhone(0);
const SECOND_OWNER = shopPhone(1);
const NEWCOMER = '+919876501234';
const STAFF = '+919876543210';
const RACER = '+919876507777';

const DAY: Array<[string, string]> = [
  [NEWCOMER, 'namaste'],
  [NEWCOMER, 'Gupta General Store'],
  [NEWCOMER, 'hindi'],
  [OWNER, 'maggi ka stock 50 hai'],
  [OWNER, 'aaj 18 maggi, 6 kurkure, 2 kilo cheeni'],
  [OWNER, 'आज 20 मैगी, डेढ़ किलो दाल, दो दर्जन अंडे'],
  [OWNER, 'sold 4 parle g and 3 amul butter today'],
  [OWNER, 'maggi kitna bacha hai'],
  [OWNER, 'maggi ka rate 15 karo'],
  [OWNER, 'maggi ka bhav kya rakhu'],
  [OWNER, 'aaj ka hisab'],
  [OWNER, 'undo karo'],
  [OWNER, 'ye number staff me add karo 9876543210'],
  [STAFF, '5 maggi becha'],
  [OWNER, 'maggi ka supplier 9812345678'],
  [OWNER, 'alerts band karo'],
  [SECOND_OWNER, 'is hafte ka report'],
  [SECOND_OWNER, 'xyzzy plugh qwerty'],
  [SECOND_OWNER, 'help'],
];

const SECRETS = {
  ADMIN_TOKEN: 'admintok-7f3a9c2e5b1d4f60',
  SESSION_SECRET: 'sessionsecret-5e8d2c7a1f9b',
  WHATSAPP_AUTH_KEY: 'authkey-c4f1e9a27b3d5e80c4f1e9a27b3d5e80',
  LOG_PSEUDONYM_SECRET: 'pseudosecret-2b7e4a9c1d',
};

describe('no phone number, message text or secret in logs, metrics or Redis', () => {
  let database: TestDatabase;
  let app: BillMitraProcess;
  const queuePrefix = testQueuePrefix();
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await seedShops(database.pool, 2);
    app = await spawnBillMitra({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: queuePrefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      ...SECRETS,
    });
  }, 120_000);
  afterAll(async () => {
    if (app) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    await database?.drop();
  });

  const base = () => `http://127.0.0.1:${app.port}`;
  const conversation = async (chat: string) =>
    (
      (await (await fetch(`${base()}/api/sim/messages?chat=${encodeURIComponent(chat)}`)).json()) as {
        messages: Array<{ direction: string; text: string }>;
      }
    ).messages;

  it('keeps them out through a whole scripted day', async () => {
    const replies: string[] = [];
    for (const [from, text] of DAY) {
      const before = (await conversation(from)).filter((m) => m.direction === 'out').length;
      const response = await fetch(`${base()}/api/sim/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from, text }),
      });
      expect(response.status).toBe(202);
      const out = await waitFor(
        async () => {
          const now = (await conversation(from)).filter((m) => m.direction === 'out');
          return now.length > before ? now : undefined;
        },
        { timeoutMs: 30_000, what: `a reply to message ${DAY.findIndex(([, t]) => t === text)}` },
      );
      replies.push(...out.slice(before).map((m) => m.text));
    }
    // Three first messages at once from a new number race to create its shop: the losers' database errors
    // (which quote the duplicate phone number) are logged, and must be logged redacted.
    await Promise.all(
      ['pehla sandesh', 'doosra sandesh', 'teesra sandesh'].map((text) =>
        fetch(`${base()}/api/sim/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ from: RACER, text }),
        }),
      ),
    );
    await waitFor(async () => (await conversation(RACER)).filter((m) => m.direction === 'out').length >= 3, {
      timeoutMs: 30_000,
      what: 'the racing messages answered',
    });
    // Hostile and malformed input carrying numbers, text and tokens.
    await fetch(`${base()}/api/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"from": "${OWNER}", "text": "broken json maggi`,
    });
    await fetch(`${base()}/api/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.ADMIN_TOKEN}` },
      body: JSON.stringify({ from: '98765', text: 'number without country code' }),
    });
    await fetch(`${base()}/api/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: OWNER, text: 'x'.repeat(70_000) }),
    });
    await fetch(`${base()}/api/sim/messages?chat=${encodeURIComponent(OWNER)}`);
    const metrics = await (await fetch(`${base()}/metrics`)).text();
    const redisDump = await dumpPrefix(queuePrefix);
    // Give the last log lines time to be written.
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    const logs = app.output();

    const sensitive: Sensitive = {
      phones: [OWNER, SECOND_OWNER, NEWCOMER, STAFF, RACER, '+919812345678'],
      texts: [
        ...DAY.map(([, text]) => text),
        ...replies,
        'pehla sandesh',
        'doosra sandesh',
        'teesra sandesh',
        'broken json maggi',
        'number without country code',
      ],
      secrets: Object.values(SECRETS),
    };
    expect(logs.split('\n').filter((line) => line.startsWith('{"level"')).length).toBeGreaterThan(0);
    expect(redisDump.length).toBeGreaterThan(0);
    expect(findLeaks(logs, sensitive)).toEqual([]);
    expect(findLeaks(metrics, sensitive)).toEqual([]);
    expect(findLeaks(redisDump, sensitive)).toEqual([]);
  }, 150_000);
});

/** Every key under the prefix with its contents (strings, hashes, lists, sets, sorted sets, streams). */
async function dumpPrefix(prefix: string): Promise<string> {
  const redis = new Redis(TEST_REDIS_URL);
  const parts: string[] = [];
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const value = await readKey(redis, key);
        parts.push(`${key} ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return parts.join('\n');
}

async function readKey(redis: Redis, key: string): Promise<unknown> {
  switch (await redis.type(key)) {
    case 'string':
      return redis.get(key);
    case 'hash':
      return redis.hgetall(key);
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, '0', '-1', 'WITHSCORES');
    case 'stream':
      return redis.xrange(key, '-', '+');
    default:
      return null;
  }
}
