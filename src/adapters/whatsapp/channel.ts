import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { ChannelSender, SenderRateLimiter } from '../../app/ports.js';
import type { ServiceWindowPolicy } from '../../app/send-outbound.js';
import type { Config } from '../../config.js';
import type { RecipientPace } from '../../core/messaging/recipient-pace.js';
import type { Translator } from '../i18n/translator.js';
import type { Metrics } from '../metrics/registry.js';
import type { Pool } from '../postgres/pool.js';
import { channelQueryable } from '../postgres/tenant-scope.js';
import type { JobPublisher } from '../queue/payloads.js';
import { type BaileysChannelDeps, createBaileysParts } from './baileys/baileys-channel.js';
import { createCloudParts } from './cloud/cloud-channel.js';
import { createSimulatorSender } from './simulator/simulator-sender.js';
import { openStandaloneRuntime } from './standalone-runtime.js';

/** A WhatsApp channel: how replies leave, plus what it needs to run (socket, webhook routes). */
export interface Channel {
  readonly name: Config['WHATSAPP_CHANNEL'];
  readonly sender: ChannelSender;
  /** Routes the web role mounts (webhooks, QR page). */
  routes?: Hono;
  /** Where the channel holds a connection (Baileys), only the whatsapp role sends. */
  readonly sendsFromWhatsappRole: boolean;
  /** Global send rate (messages per second) when OUTBOUND_RATE_PER_SECOND is not set. */
  readonly defaultRatePerSecond?: number;
  /** WhatsApp's per-recipient pace; the simulator has none. */
  readonly recipientPace?: RecipientPace;
  /** The 24-hour customer-service window (Cloud API only). */
  readonly serviceWindow?: ServiceWindowPolicy;
  /** False while this process cannot send (Baileys: the socket is elsewhere or reconnecting). */
  canSendNow?(): boolean;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface ChannelDeps {
  config: Config;
  /** The real channels record inbound messages and queue jobs, so they need these. */
  pool?: Pool;
  redis?: Redis;
  queue?: JobPublisher;
  metrics?: Metrics;
  /** Applied to every inbound message; a flooder past the limit is told once (translator) to slow down. */
  rateLimiter?: SenderRateLimiter;
  translator?: Translator;
  /** Test seams for Baileys: a fake socket, short backoff and lock timings. */
  baileys?: Pick<
    BaileysChannelDeps,
    'socketFactory' | 'backoff' | 'lock' | 'loginPollMs' | 'printQrInTerminal'
  >;
}

export function createChannel(deps: ChannelDeps): Channel {
  const { config } = deps;
  const inboundGuards = {
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    ...(deps.rateLimiter ? { rateLimiter: deps.rateLimiter } : {}),
    ...(deps.translator ? { translator: deps.translator } : {}),
  };
  switch (config.WHATSAPP_CHANNEL) {
    case 'simulator':
      return {
        name: 'simulator',
        sender: createSimulatorSender({
          canSendImages: true,
          deliversOnRecord: config.SIM_DELIVERY === 'on-record',
        }),
        sendsFromWhatsappRole: false,
      };
    case 'cloud': {
      const { pool, queue, close } = runtimeOf(deps);
      const parts = createCloudParts({
        config,
        db: channelQueryable(pool),
        pool,
        queue,
        ...inboundGuards,
      });
      return {
        name: 'cloud',
        sender: parts.sender,
        routes: parts.routes,
        sendsFromWhatsappRole: false,
        defaultRatePerSecond: 80,
        recipientPace: paceFrom(config),
        serviceWindow: {
          defaultTemplate: {
            name: config.WHATSAPP_CLOUD_TEMPLATE_NAME,
            language: config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE,
          },
        },
        // Nothing to start; defined so the process stops the channel (closing connections it opened).
        start: async () => {},
        stop: close,
      };
    }
    case 'baileys': {
      const { pool, queue, redis, close } = runtimeOf(deps);
      const parts = createBaileysParts({
        config,
        pool,
        queue,
        redis,
        ...inboundGuards,
        ...deps.baileys,
      });
      return {
        name: 'baileys',
        sender: parts.sender,
        routes: parts.routes,
        sendsFromWhatsappRole: true,
        defaultRatePerSecond: 20,
        recipientPace: paceFrom(config),
        canSendNow: () => parts.connection.openSocket() !== undefined,
        start: parts.connection.start,
        stop: async () => {
          await parts.connection.stop();
          await close();
        },
      };
    }
  }
}

function paceFrom(config: Config): RecipientPace {
  return { burst: config.OUTBOUND_RECIPIENT_BURST, intervalMs: config.OUTBOUND_RECIPIENT_INTERVAL_MS };
}

function runtimeOf(deps: ChannelDeps): {
  pool: Pool;
  queue: JobPublisher;
  redis: Redis;
  close(): Promise<void>;
} {
  const { pool, queue, redis } = deps;
  if (pool && queue && redis) return { pool, queue, redis, close: async () => {} };
  return openStandaloneRuntime(deps.config);
}
