import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for graph.facebook.com on 127.0.0.1: records every request with the time it arrived and
// answers like the Graph API (message ids, media ids), or with scripted errors.

export interface GraphRequest {
  at: number;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json?: Record<string, unknown>;
}

/** The text of a text message send, if the request is one. */
export function textOf(request: GraphRequest): string | undefined {
  const text = request.json?.text as { body?: unknown } | undefined;
  return typeof text?.body === 'string' ? text.body : undefined;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeGraphApi {
  baseUrl: string;
  requests: GraphRequest[];
  /** Message sends that the fake accepted (got a message id). */
  accepted(): GraphRequest[];
  /** The next answers to /messages calls, in order, before normal answers resume. */
  scriptMessages(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const requests: GraphRequest[] = [];
  const acceptedSends: GraphRequest[] = [];
  const script: ScriptedAnswer[] = [];
  let counter = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const request: GraphRequest = {
      at: performance.timeOrigin + performance.now(),
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
    };
    if (req.headers['content-type']?.startsWith('application/json'))
      request.json = JSON.parse(body.toString());
    requests.push(request);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (req.headers.authorization !== 'Bearer test-access-token') {
      return answer(401, { error: { code: 190, message: 'Invalid OAuth access token' } });
    }
    if (request.path.endsWith('/media')) return answer(200, { id: `media-${++counter}` });
    if (request.path.endsWith('/messages')) {
      const scripted = script.shift();
      if (scripted) return answer(scripted.status, scripted.body, scripted.headers);
      acceptedSends.push(request);
      return answer(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: request.json?.to, wa_id: request.json?.to }],
        messages: [{ id: `wamid.fake-${++counter}` }],
      });
    }
    answer(404, { error: { code: 100, message: 'unknown path' } });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v21.0`,
    requests,
    accepted: () => acceptedSends,
    scriptMessages: (...answers) => void script.push(...answers),
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}
