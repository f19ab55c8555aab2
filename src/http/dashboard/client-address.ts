import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

// The address the per-client rate limit counts. A request arriving from a loopback or private address
// came through our own reverse proxy (or a test), so the last X-Forwarded-For hop, which that proxy
// appended, is the client; from anywhere else the header is the client's own claim and is ignored.

const PRIVATE = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|::ffff:127\.|fc|fd)/i;

export function clientAddress(c: Context): string {
  let socketAddress: string | undefined;
  try {
    socketAddress = getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
  }
  const forwarded = c.req.header('x-forwarded-for');
  if ((!socketAddress || PRIVATE.test(socketAddress)) && forwarded) {
    const hops = forwarded
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last) return last;
  }
  return socketAddress ?? 'unknown';
}
