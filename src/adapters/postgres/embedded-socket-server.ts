import { createServer, type Server } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { EmbeddedQueryQueue } from './embedded-query-queue.js';

export interface EmbeddedSocketServer {
  /** host:port */
  address: string;
  stop(): Promise<void>;
}

/**
 * A loopback PostgreSQL wire server for a PGlite instance: pglite-socket's per-connection protocol handler
 * with our exchange-aware queue (see embedded-query-queue.ts) in place of its own.
 */
export async function startEmbeddedSocketServer(
  db: PGlite,
  host = '127.0.0.1',
): Promise<EmbeddedSocketServer> {
  const queue = new EmbeddedQueryQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    const handler = new PGLiteSocketHandler({
      // The handler only calls enqueue/clearQueueForHandler/clearTransactionIfNeeded on its queue.
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    handlers.add(handler);
    handler.addEventListener('close', () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolveListen());
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('embedded server has no address');
  return {
    address: `${host}:${address.port}`,
    async stop() {
      await Promise.all([...handlers].map((handler) => handler.detach(true).catch(() => {})));
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
