import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { jsonError } from './errors.js';

// Under @hono/node-server a body declared by Content-Length is checked from the Node request's own
// headers: the HTTP parser reads no further than that length, and the route then reads the body straight
// from the socket. Asking hono's bodyLimit (it reads c.req.raw.body) builds a web Request with a stream,
// headers and an AbortController around every message first; at 200 msg/s that was ~7% of the main
// thread in a CPU profile. Chunked bodies, and requests made in-process (app.request, no Node request),
// go through hono's bodyLimit, which counts the bytes as they come.

/** Answers 413 with a JSON error for a body over maxSize bytes. */
export function limitBodyTo(maxSize: number): MiddlewareHandler {
  const tooLarge = (c: Context) => jsonError(c, 413, `body larger than ${maxSize} bytes`);
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const declared = declaredLength((c.env as { incoming?: IncomingMessage } | undefined)?.incoming);
    if (declared === undefined) return counted(c, next);
    if (declared > maxSize) return tooLarge(c);
    await next();
  };
}

/** The body length a Node request declares; undefined when it streams (chunked) or is not a Node request. */
function declaredLength(incoming: IncomingMessage | undefined): number | undefined {
  if (!incoming || incoming.headers['transfer-encoding'] !== undefined) return undefined;
  const length = incoming.headers['content-length'];
  // No Content-Length and no Transfer-Encoding: HTTP/1.1 says the request has no body.
  return length === undefined ? 0 : Number(length);
}
