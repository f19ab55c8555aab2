import type { ServerType } from '@hono/node-server';

// Node closes an idle keep-alive connection after 5 s. A client that sends its next request on it just
// then gets the connection reset instead of an answer (the bench's load generator saw one in 60,000 over
// ten minutes; nothing was half-accepted, but the sender has to retry). Load balancers and webhook senders
// keep idle connections for up to a minute, so the server keeps them longer and the client always closes
// first. Shutdown is unaffected: the draining gate closes idle connections at once.
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepConnectionsLongerThanClients(server: ServerType): void {
  if (!('keepAliveTimeout' in server)) return;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // A request's headers must be allowed to arrive on a connection kept that long.
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
