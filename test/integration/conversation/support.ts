import type { RunningBillMitra } from '../../../src/main.js';
import { simSay, startTestApp } from '../support/app.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';

// One real app (queues on Redis, workers, simulator channel) over a fresh database per test file.

export interface ConversationHarness {
  database: TestDatabase;
  app: RunningBillMitra;
  say(chat: string, text: string, replies?: number): Promise<string>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startHarness(kind: DatabaseKind = 'postgres'): Promise<ConversationHarness> {
  const database = await createTestDatabase(kind);
  const app = await startTestApp({ databaseUrl: database.url });
  return {
    database,
    app,
    async say(chat, text, replies = 1) {
      return (await simSay(app, chat, text, replies)).join('\n---\n');
    },
    async query(sql, params) {
      return (await database.pool.query(sql, params)).rows;
    },
    async stop() {
      await app.stop();
      await database.drop();
    },
  };
}

/** Onboards `phone` with answers that skip every question but the shop name. */
export async function onboard(h: ConversationHarness, phone: string, name: string, language = 'skip') {
  await h.say(phone, 'namaste');
  await h.say(phone, name);
  await h.say(phone, language);
  await h.say(phone, 'skip');
}
