import type { Redis } from 'ioredis';
import type { SenderRateLimiter } from '../../../app/ports.js';
import type { Config } from '../../../config.js';
import type { Translator } from '../../i18n/translator.js';
import type { Metrics } from '../../metrics/registry.js';
import type { Pool } from '../../postgres/pool.js';
import { channelQueryable } from '../../postgres/tenant-scope.js';
import type { JobPublisher } from '../../queue/payloads.js';
import { createBaileysAdminRoutes } from './admin-routes.js';
import { createAuthCipher, parseAuthKey } from './auth-crypto.js';
import { createBaileysSender } from './baileys-sender.js';
import { createBaileysSocket } from './baileys-socket.js';
import { createBaileysConnection } from './connection-manager.js';
import { createBaileysInboundHandler } from './inbound-handler.js';
import type { BackoffOptions } from './reconnect-policy.js';
import { createSessionStatusStore } from './session-status.js';
import { createSocketLock } from './socket-lock.js';
import type { SocketFactory } from './socket-port.js';

export interface BaileysChannelDeps {
  config: Config;
  pool: Pool;
  redis: Redis;
  queue: JobPublisher;
  metrics?: Metrics;
  rateLimiter?: SenderRateLimiter;
  translator?: Translator;
  /** Tests pass a fake socket; production opens WhatsApp Web. */
  socketFactory?: SocketFactory;
  /** One WhatsApp number per session name. */
  session?: string;
  backoff?: BackoffOptions;
  lock?: { ttlMs?: number; retryMs?: number };
  loginPollMs?: number;
  printQrInTerminal?: boolean;
}

/** The Baileys parts: a connection (socket, lock, auth), its sender and its operator routes. */
export function createBaileysParts(deps: BaileysChannelDeps) {
  const session = deps.session ?? 'default';
  const keyBase = `${deps.config.QUEUE_PREFIX}:whatsapp:baileys:${session}`;
  const lock = createSocketLock({ redis: deps.redis, key: `${keyBase}:lock`, ...deps.lock });
  const statusStore = createSessionStatusStore(deps.redis, keyBase);
  const onMessages = createBaileysInboundHandler({
    db: channelQueryable(deps.pool),
    pool: deps.pool,
    queue: deps.queue,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.rateLimiter ? { rateLimiter: deps.rateLimiter } : {}),
    ...(deps.translator ? { translator: deps.translator } : {}),
  });
  const connection = createBaileysConnection({
    pool: deps.pool,
    session,
    cipher: createAuthCipher(parseAuthKey(deps.config.WHATSAPP_AUTH_KEY)),
    lock,
    statusStore,
    socketFactory: deps.socketFactory ?? createBaileysSocket,
    onMessages,
    ...(deps.config.WHATSAPP_PAIRING_NUMBER ? { pairingNumber: deps.config.WHATSAPP_PAIRING_NUMBER } : {}),
    printQrInTerminal: deps.printQrInTerminal ?? true,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    ...(deps.loginPollMs ? { loginPollMs: deps.loginPollMs } : {}),
  });
  return {
    connection,
    sender: createBaileysSender(connection.openSocket),
    routes: createBaileysAdminRoutes({ adminToken: deps.config.ADMIN_TOKEN, statusStore, lock }),
  };
}
