import type { ServerType } from '@hono/node-server';

// Closing a Node HTTP server only stops new connections: clients on keep-alive connections (webhook
// senders, load balancers) go on sending requests through them, so a stopping process kept accepting
// messages and never finished closing. While draining, every request is answered 503 with
// `Connection: close` (the sender retries elsewhere, nothing is half-accepted) and idle connections are
// closed; after the grace period any connection still open is cut.

export interface DrainingGate {
  /** Wraps the app's fetch so that requests arriving during the drain get 503. */
  fetch<A extends unknown[]>(
    handler: (request: Request, ...rest: A) => Response | Promise<Response>,
  ): (request: Request, ...rest: A) => Response | Promise<Response>;
  close(server: ServerType, graceMs: number): Promise<void>;
}

export function createDrainingGate(): DrainingGate {
  let draining = false;
  return {
    fetch(handler) {
      return (request, ...rest) => {
        if (!draining) return handler(request, ...rest);
        return new Response(JSON.stringify({ error: 'shutting down, retry shortly' }), {
          status: 503,
          headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '5' },
        });
      };
    },
    close(server, graceMs) {
      draining = true;
      return new Promise<void>((resolveClose) => {
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolveClose();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
    },
  };
}
