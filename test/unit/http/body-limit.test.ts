import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../src/http/app.js';

// The body caps on a real Node server (the checks there read the Node request, not a web Request) and
// in-process (app.request): a declared or chunked body over the cap is refused with 413 before the route
// runs, one within it reaches the route whole.

const CAP = 1_000;

function echoApp() {
  const routes = new Hono();
  routes.post('/echo', async (c) => c.json({ length: (await c.req.text()).length }));
  return createHttpApp({ routes: [routes], maxBodyBytes: CAP });
}

function post(port: number, body: string, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        method: 'POST',
        path: '/echo',
        headers: chunked
          ? { 'transfer-encoding': 'chunked' }
          : { 'content-length': Buffer.byteLength(body).toString() },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (chunked) {
      // Several chunks, so the count has to add them up.
      for (let at = 0; at < body.length; at += 300) req.write(body.slice(at, at + 300));
      req.end();
    } else {
      req.end(body);
    }
  });
}

describe('body caps', () => {
  let server: ServerType;
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: echoApp().fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([false, true])('on a Node server (chunked: %s)', async (chunked) => {
    expect(await post(port, 'x'.repeat(CAP), chunked)).toEqual({ status: 200, body: '{"length":1000}' });
    const over = await post(port, 'x'.repeat(CAP + 1), chunked);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ error: `body larger than ${CAP} bytes` });
  });

  it('in process', async () => {
    const app = echoApp();
    const within = await app.request('/echo', { method: 'POST', body: 'x'.repeat(CAP) });
    expect(await within.json()).toEqual({ length: CAP });
    const over = await app.request('/echo', { method: 'POST', body: 'x'.repeat(CAP + 1) });
    expect(over.status).toBe(413);
  });
});
