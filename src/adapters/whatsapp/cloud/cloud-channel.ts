import type { SenderRateLimiter } from '../../../app/ports.js';
import type { Config } from '../../../config.js';
import type { Translator } from '../../i18n/translator.js';
import type { Metrics } from '../../metrics/registry.js';
import type { Queryable } from '../../postgres/pool.js';
import type { JobPublisher } from '../../queue/payloads.js';
import { createCloudSender } from './cloud-sender.js';
import { createGraphApiClient } from './graph-api-client.js';
import { createCloudWebhookRoutes } from './webhook-routes.js';

export interface CloudChannelDeps {
  config: Config;
  db: Queryable;
  /** The bare pool, where deliveries are recorded (AcceptInboundDeps.pool). */
  pool?: Queryable;
  queue: JobPublisher;
  metrics?: Metrics;
  rateLimiter?: SenderRateLimiter;
  translator?: Translator;
}

function required(config: Config, name: keyof Config): string {
  const value = config[name];
  if (typeof value !== 'string' || value === '')
    throw new Error(`${name} is required when WHATSAPP_CHANNEL=cloud`);
  return value;
}

/** The Cloud API parts: the sender (Graph API over fetch) and the webhook routes. */
export function createCloudParts(deps: CloudChannelDeps) {
  const { config } = deps;
  const phoneNumberId = required(config, 'WHATSAPP_CLOUD_PHONE_NUMBER_ID');
  const client = createGraphApiClient({
    baseUrl: config.WHATSAPP_CLOUD_API_BASE,
    phoneNumberId,
    accessToken: required(config, 'WHATSAPP_CLOUD_ACCESS_TOKEN'),
  });
  return {
    sender: createCloudSender(client),
    routes: createCloudWebhookRoutes({
      db: deps.db,
      ...(deps.pool ? { pool: deps.pool } : {}),
      queue: deps.queue,
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
      ...(deps.rateLimiter ? { rateLimiter: deps.rateLimiter } : {}),
      ...(deps.translator ? { translator: deps.translator } : {}),
      appSecret: required(config, 'WHATSAPP_CLOUD_APP_SECRET'),
      verifyToken: required(config, 'WHATSAPP_CLOUD_VERIFY_TOKEN'),
      phoneNumberId,
    }),
  };
}
