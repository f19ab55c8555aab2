import type { WAMessage } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { createMetrics, type Metrics } from '../../../src/adapters/metrics/registry.js';
import { createPool, type Pool, withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { channelQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import { createBullQueues } from '../../../src/adapters/queue/bullmq-queues.js';
import { createSenderRateLimiter } from '../../../src/adapters/redis/sender-rate-limiter.js';
import { createBaileysInboundHandler } from '../../../src/adapters/whatsapp/baileys/inbound-handler.js';
import type { WhatsAppSocket } from '../../../src/adapters/whatsapp/baileys/socket-port.js';
import { createCloudWebhookRoutes } from '../../../src/adapters/whatsapp/cloud/webhook-routes.js';
import { useDatabaseAndRedis } from '../support/database-and-redis.js';
import { testQueuePrefix } from '../support/services.js';
import { CLOUD_ENV } from './support/channel-harness.js';
import { sign, webhookBody } from './support/cloud-webhook-body.js';

// Every inbound channel answers a flood the same way: one sender's excess sinks in the queue or is
// dropped (counted, with one "slow down"), and the other senders' messages go through untouched.

const FLOODER = '919811111111';
const CALM = '919822222222';

const cloudText = (from: string, id: string, body: string) => ({
  from,
  id,
  timestamp: '1763960000',
  type: 'text',
  text: { body },
});

const baileysText = (phone: string, id: string, text: string) =>
  ({
    key: { remoteJid: `${phone}@s.whatsapp.net`, id, fromMe: false },
    message: { conversation: text },
  }) as WAMessage;

async function countsByOutcome(metrics: Metrics): Promise<Record<string, number>> {
  const counted = await metrics.registry.getSingleMetric('billmitra_messages_in_total')?.get();
  return Object.fromEntries(
    (counted?.values ?? []).map((value) => [`${value.labels.channel}/${value.labels.outcome}`, value.value]),
  );
}

describe('a flood from one number', () => {
  const services = useDatabaseAndRedis();
  // The channels' database access as in production: the application role, in the transport's scope.
  let appPool: Pool;
  beforeAll(() => {
    appPool = createPool({ connectionString: services.database.url, max: 2, role: 'billmitra_app' });
  });
  afterAll(() => appPool?.end());

  /** The inbound dependencies of a channel, with a limiter this small. */
  const inboundWith = (limits: { fairShare: number; hardLimit: number }) => {
    const prefix = testQueuePrefix();
    const queues = createBullQueues({ connection: services.redis, prefix });
    return {
      db: channelQueryable(appPool),
      queue: queues,
      queues,
      metrics: createMetrics({ collectDefaults: false }),
      rateLimiter: createSenderRateLimiter({ redis: services.redis, prefix, ...limits }),
      translator: createTranslator(),
    };
  };

  it('answers 200, keeps the other sender at the front of the queue and counts the dropped messages', async () => {
    const inbound = inboundWith({ fairShare: 2, hardLimit: 4 });
    const { queues, metrics } = inbound;
    const routes = createCloudWebhookRoutes({
      ...inbound,
      appSecret: CLOUD_ENV.WHATSAPP_CLOUD_APP_SECRET,
      verifyToken: CLOUD_ENV.WHATSAPP_CLOUD_VERIFY_TOKEN,
      phoneNumberId: CLOUD_ENV.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
    });
    const post = (messages: unknown[]) => {
      const body = webhookBody({ messages });
      return routes.request('/webhooks/whatsapp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
        body,
      });
    };

    // The calm sender's message comes last in the same batch as eight from the flooder.
    const flood = Array.from({ length: 8 }, (_, i) =>
      cloudText(FLOODER, `wamid.flood-${i}`, 'aaj 5 maggi becha'),
    );
    const first = await post([...flood, cloudText(CALM, 'wamid.calm-1', '2 kg sugar')]);
    expect(first.status).toBe(200);
    // Flooding on in a later delivery: still 200, still dropped, and no second notice.
    const second = await post([cloudText(FLOODER, 'wamid.flood-8', 'aaj 5 maggi becha')]);
    expect(second.status).toBe(200);

    const recorded = await services.database.pool.query<{ chat_id: string; n: number }>(
      `SELECT chat_id, count(*)::int AS n FROM inbound_messages WHERE channel = 'cloud' GROUP BY chat_id ORDER BY chat_id`,
    );
    expect(recorded.rows).toEqual([
      { chat_id: `+${FLOODER}`, n: 4 },
      { chat_id: `+${CALM}`, n: 1 },
    ]);

    // Jobs without a priority are served before prioritised ones: the calm sender waits only behind the
    // flooder's fair share, never behind its excess.
    const inboundQueue = queues.queue('inbound');
    const waiting = await inboundQueue.getJobs(['waiting']);
    const prioritised = await inboundQueue.getJobs(['prioritized']);
    const chatOf = async (inboundMessageId: number) =>
      (
        await services.database.pool.query('SELECT chat_id FROM inbound_messages WHERE id = $1', [
          inboundMessageId,
        ])
      ).rows[0].chat_id;
    const waitingChats = await Promise.all(waiting.map((job) => chatOf(job.data.inboundMessageId)));
    expect(waitingChats.sort()).toEqual([`+${FLOODER}`, `+${FLOODER}`, `+${CALM}`].sort());
    const prioritisedChats = await Promise.all(prioritised.map((job) => chatOf(job.data.inboundMessageId)));
    expect(prioritisedChats).toEqual([`+${FLOODER}`, `+${FLOODER}`]);

    const notices = await services.database.pool.query<{ chat_id: string; kind: string; body: string }>(
      `SELECT chat_id, kind, body FROM outbound_messages WHERE channel = 'cloud'`,
    );
    expect(notices.rows).toEqual([
      { chat_id: `+${FLOODER}`, kind: 'notice', body: createTranslator().t('hi-Latn', 'common:slow_down') },
    ]);
    expect((await queues.queue('outbound').getJobs(['waiting'])).length).toBe(1);

    expect(await countsByOutcome(metrics)).toEqual({ 'cloud/accepted': 5, 'cloud/rate_limited': 5 });
    const exposition = await metrics.registry.metrics();
    expect(exposition).not.toContain('9811111111');
    expect(exposition).not.toContain('9822222222');
    await queues.close();
  });

  it('drops what is past the limit without retrying it, tells the sender once in its script, and takes the others', async () => {
    const inbound = inboundWith({ fairShare: 1, hardLimit: 3 });
    const { queues, metrics } = inbound;
    const onMessages = createBaileysInboundHandler({
      ...inbound,
      // No retries: a refused message treated as an outage would be counted 'unavailable' here.
      retryDelaysMs: [],
    });
    const socket = { phoneJidForLid: async () => null } as unknown as WhatsAppSocket;
    const flood = Array.from({ length: 6 }, (_, i) => baileysText('919833333333', `F${i}`, 'आज 5 मैगी बेची'));
    await onMessages(
      { type: 'notify', messages: [...flood, baileysText('919844444444', 'C1', '2 kg sugar')] },
      socket,
    );

    expect(await countsByOutcome(metrics)).toEqual({ 'baileys/accepted': 4, 'baileys/rate_limited': 3 });
    const notices = await services.database.pool.query(
      `SELECT chat_id, kind, body FROM outbound_messages WHERE channel = 'baileys'`,
    );
    expect(notices.rows).toEqual([
      {
        chat_id: '919833333333@s.whatsapp.net',
        kind: 'notice',
        body: createTranslator().t('hi', 'common:slow_down'),
      },
    ]);
    const calm = await services.database.pool.query(
      `SELECT count(*)::int AS n FROM inbound_messages WHERE chat_id = '919844444444@s.whatsapp.net'`,
    );
    expect(calm.rows[0].n).toBe(1);
    expect(await metrics.registry.metrics()).not.toContain('9833333333');
    await queues.close();
  });

  it("tells a shop's member in the language the shop chose, whatever the message's register", async () => {
    const shopOwnedBy = (ownerPhone: string, languageChosen: boolean) =>
      withTransaction(services.database.pool, (client) =>
        createShop(client, {
          name: 'Sharma Kirana',
          ownerPhone,
          language: 'hi',
          languageChosen,
          catalog: [],
        }),
      );
    await shopOwnedBy('+919855555555', true);
    // A shop whose language was only guessed: its members hear the register they wrote in.
    await shopOwnedBy('+919866666666', false);
    const inbound = inboundWith({ fairShare: 1, hardLimit: 1 });
    const onMessages = createBaileysInboundHandler({ ...inbound, retryDelaysMs: [] });
    const socket = { phoneJidForLid: async () => null } as unknown as WhatsAppSocket;
    const phones = ['919855555555', '919866666666'];
    const flood = phones.flatMap((phone) =>
      Array.from({ length: 3 }, (_, i) => baileysText(phone, `S${phone}-${i}`, 'sold 2 kg sugar today')),
    );
    await onMessages({ type: 'notify', messages: flood }, socket);
    const chats = phones.map((phone) => `${phone}@s.whatsapp.net`);

    const notices = await services.database.pool.query(
      `SELECT chat_id, body FROM outbound_messages WHERE kind = 'notice' AND chat_id = ANY($1) ORDER BY chat_id`,
      [chats],
    );
    const translator = createTranslator();
    expect(notices.rows).toEqual([
      { chat_id: '919855555555@s.whatsapp.net', body: translator.t('hi', 'common:slow_down') },
      { chat_id: '919866666666@s.whatsapp.net', body: translator.t('en', 'common:slow_down') },
    ]);
    await inbound.queues.close();
  });
});
