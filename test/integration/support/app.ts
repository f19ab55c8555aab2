import { type Config, loadConfig } from '../../../src/config.js';
import { type RunningBillMitra, startBillMitra } from '../../../src/main.js';
import { ALL_ROLES, type Role } from '../../../src/runtime/processors.js';
import { TEST_REDIS_URL, testQueuePrefix } from './services.js';

export interface TestAppOptions {
  databaseUrl: string;
  roles?: Role[];
  env?: Record<string, string>;
}

export function testConfig(options: TestAppOptions): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: '4',
    ...options.env,
  });
}

/** The real application, in this process, on a fresh queue prefix. */
export async function startTestApp(options: TestAppOptions): Promise<RunningBillMitra & { config: Config }> {
  const config = testConfig(options);
  const running = await startBillMitra({
    config,
    roles: new Set(options.roles ?? ALL_ROLES),
    recoveryIntervalMs: 1_000,
  });
  return { ...running, config };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what ?? 'condition'}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, options.intervalMs ?? 100));
  }
}

export interface SimMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
  at: string;
}

export async function simConversation(app: RunningBillMitra, chat: string): Promise<SimMessage[]> {
  const response = await app.app!.request(`/api/sim/messages?chat=${encodeURIComponent(chat)}`);
  return ((await response.json()) as { messages: SimMessage[] }).messages;
}

export async function simSend(app: RunningBillMitra, body: Record<string, unknown>): Promise<Response> {
  return app.app!.request('/api/sim/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Sends a message and waits until the bot has answered it; returns the replies to it. */
export async function simSay(
  app: RunningBillMitra,
  chat: string,
  text: string,
  replies = 1,
): Promise<string[]> {
  const before = (await simConversation(app, chat)).filter((m) => m.direction === 'out').length;
  const response = await simSend(app, { from: chat, text });
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  const outs = await waitFor(
    async () => {
      const out = (await simConversation(app, chat)).filter((m) => m.direction === 'out');
      return out.length >= before + replies ? out : undefined;
    },
    { what: `reply to "${text}"` },
  );
  return outs.slice(before).map((m) => m.text);
}
