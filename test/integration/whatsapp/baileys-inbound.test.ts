import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { recordedUpserts } from './support/baileys-fixtures.js';
import { BAILEYS_ENV, type ChannelHarness, startChannelHarness } from './support/channel-harness.js';
import { createFakeSocketFactory, type FakeSocketFactory } from './support/fake-baileys-socket.js';

describe('Baileys inbound against a fake socket', () => {
  let database: TestDatabase;
  let sockets: FakeSocketFactory;
  let harness: ChannelHarness;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    sockets = createFakeSocketFactory();
    sockets.lidToPhone.set('123450000203@lid', '919800000203@s.whatsapp.net');
    harness = await startChannelHarness({
      databaseUrl: database.url,
      env: BAILEYS_ENV,
      baileys: {
        socketFactory: sockets.factory,
        backoff: { baseMs: 20, maxMs: 200, jitter: 0 },
        printQrInTerminal: false,
      },
    });
  });
  afterAll(async () => {
    await harness?.stop();
    await database?.drop();
  });

  const inboundRows = async () =>
    (
      await database.pool.query(
        `SELECT message_id AS "messageId", chat_id AS "chatId", sender_phone AS "senderPhone",
                sender_lid AS "senderLid", body
         FROM inbound_messages WHERE channel = 'baileys' ORDER BY message_id`,
      )
    ).rows;

  it('gives one job per real message across replays and reconnects, and answers each once', async () => {
    const recorded = recordedUpserts();
    const first = await sockets.waitForSockets(1);
    first.open();
    first.emit('messages.upsert', recorded.live);
    first.emit('messages.upsert', recorded.history);
    // Baileys replays what it had not acknowledged after a reconnect; a repeat arrives on the same socket too.
    first.emit('messages.upsert', recorded.live);
    await waitFor(async () => (await inboundRows()).length >= recorded.expected.length);
    first.close(428);
    const second = await sockets.waitForSockets(2);
    second.open();
    second.emit('messages.upsert', recorded.live);

    await waitFor(
      async () => {
        const { rows } = await database.pool.query(
          `SELECT count(*)::int AS n FROM outbound_messages WHERE channel = 'baileys' AND status = 'sent'`,
        );
        return rows[0].n >= recorded.expected.length;
      },
      { what: 'one reply per message through the socket' },
    );
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));

    expect(await inboundRows()).toEqual(
      [...recorded.expected].sort((a, b) => a.messageId.localeCompare(b.messageId)),
    );
    const jobs = await harness.services.queues
      .queue('inbound')
      .getJobs(['completed', 'active', 'waiting', 'delayed', 'failed']);
    expect(jobs).toHaveLength(recorded.expected.length);
    const sent = sockets.sockets.flatMap((socket) => socket.sent);
    expect(sent).toHaveLength(recorded.expected.length);
    expect(sent.map((s) => s.jid).sort()).toEqual(recorded.expected.map((e) => e.chatId).sort());
    expect(sent.every((s) => 'text' in s.content && s.content.text.length > 0)).toBe(true);
    // Each reply is recorded with the id WhatsApp gave it.
    const { rows } = await database.pool.query(
      `SELECT provider_message_id FROM outbound_messages WHERE channel = 'baileys' ORDER BY id`,
    );
    expect(rows.every((row) => /^3EB0FAKE\d+$/.test(row.provider_message_id))).toBe(true);
  });

  it('answers getMessage from the outbound log so WhatsApp retries of our messages work', async () => {
    const { rows } = await database.pool.query(
      `SELECT provider_message_id, body FROM outbound_messages WHERE channel = 'baileys' AND status = 'sent' LIMIT 1`,
    );
    const socket = sockets.latest();
    const message = await socket.getMessage({
      id: rows[0].provider_message_id,
      remoteJid: 'x@s.whatsapp.net',
    });
    expect(message?.conversation).toBe(rows[0].body);
    expect(await socket.getMessage({ id: 'unknown-id' })).toBeUndefined();
  });
});
