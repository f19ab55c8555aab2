import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBillMitra } from '../../../src/main.js';
import { simSend, startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

describe('HTTP input handling', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = await startTestApp({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.app!.request('/api/sim/messages', { method: 'POST', headers, body });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const response = await post('{"from": "+919800000001", "text": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'body must be valid JSON' });
  });

  it('answers a missing or wrong field with 400 naming the field', async () => {
    const missing = await simSend(app, { from: '+919800000001' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('text');
    const badPhone = await simSend(app, { from: '98000', text: 'hi' });
    expect(badPhone.status).toBe(400);
    expect(JSON.stringify(await badPhone.json())).toContain('from');
    const notObject = await post('[1,2,3]');
    expect(notObject.status).toBe(400);
  });

  it('answers a body over 64 KB with 413', async () => {
    const response = await post(JSON.stringify({ from: '+919800000001', text: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toContain('larger');
  });

  it('answers a bad chat query with 400 and unknown paths with 404', async () => {
    expect((await app.app!.request('/api/sim/messages?chat=abc')).status).toBe(400);
    expect((await app.app!.request('/nope')).status).toBe(404);
  });

  it('reports health, readiness and Prometheus metrics', async () => {
    expect(await (await app.app!.request('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.app!.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { postgres: 'ok', redis: 'ok', workers: 'ok' } });
    await simSend(app, { from: '+919800000009', text: 'hi' });
    const metrics = await (await app.app!.request('/metrics')).text();
    expect(metrics).toContain('billmitra_messages_in_total{channel="simulator",outcome="accepted"}');
    expect(metrics).toMatch(/billmitra_queue_jobs\{queue="inbound",state="waiting"\}/);
  });
});

describe('database unavailable', () => {
  it('answers 503 with Retry-After when PostgreSQL cannot be reached, not 500', async () => {
    const { createPool } = await import('../../../src/adapters/postgres/pool.js');
    const { createHttpApp } = await import('../../../src/http/app.js');
    const { createSimulatorRoutes } = await import('../../../src/http/simulator-routes.js');
    const unreachable = createPool({ connectionString: 'postgres://postgres@127.0.0.1:1/none', max: 1 });
    const published: unknown[] = [];
    const app = createHttpApp({
      routes: [
        createSimulatorRoutes({
          db: unreachable,
          queue: { publish: async (...args: unknown[]) => void published.push(args) },
        }),
      ],
    });
    const response = await app.request('/api/sim/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+919800000001', text: 'hi' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(published).toEqual([]);
    await unreachable.end();
  });
});
