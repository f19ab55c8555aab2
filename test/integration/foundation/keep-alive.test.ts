import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// The server keeps idle keep-alive connections longer than clients do (65 s, past a load balancer's
// minute), so a client never sends into a connection the server is closing; stopping still closes idle
// connections at once instead of waiting them out.

describe('keep-alive connections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('advertises a 65 s idle timeout and closes an idle connection when the process stops', async () => {
    const app = await startTestApp({ databaseUrl: database.url });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const response = await new Promise<{ keepAlive: unknown; socket: Socket }>(
        (resolveResponse, reject) => {
          const sent = request({ host: '127.0.0.1', port: app.port, path: '/healthz', agent });
          sent.on('response', (incoming) => {
            incoming.resume();
            incoming.on('end', () => {
              if (!sent.socket) return reject(new Error('no socket'));
              resolveResponse({ keepAlive: incoming.headers['keep-alive'], socket: sent.socket });
            });
          });
          sent.on('error', reject);
          sent.end();
        },
      );
      expect(response.keepAlive).toBe('timeout=65');
      const closed = once(response.socket, 'close');
      await app.stop();
      await closed;
      expect(response.socket.destroyed).toBe(true);
    } finally {
      agent.destroy();
      await app.stop();
    }
  });
});
