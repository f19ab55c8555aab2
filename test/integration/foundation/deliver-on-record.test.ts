import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { createOutboundMessagesRepository } from '../../../src/adapters/postgres/repositories/outbound-messages.js';
import { withChannelTransaction } from '../../../src/adapters/postgres/tenant-scope.js';
import { type HandleInboundDeps, handleInbound } from '../../../src/app/handle-inbound.js';
import { createResponder } from '../../../src/app/responder.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { createSimulatorInbox } from '../support/simulator-inbox.js';

// The simulator's "send" is the record, so its replies are written as sent by the inbound job itself, with
// no outbound job; a chat that still has a message queued keeps its order by queueing the reply behind it.

describe.each<DatabaseKind>(['postgres', 'pglite'])('replies delivered on record (%s)', (kind) => {
  let database: TestDatabase;
  const { queue, published, accept } = createSimulatorInbox({
    pool: () => database.pool,
    messageIdPrefix: 'd',
  });
  let deliveredCount = 0;
  const respond = createResponder({ translator: createTranslator() });
  const deps = (deliver: boolean): HandleInboundDeps => ({
    pool: database.pool,
    queue,
    respond,
    canSendImages: false,
    ...(deliver
      ? { deliverOnRecord: { providerIdPrefix: 'sim-', onDelivered: (count) => (deliveredCount += count) } }
      : {}),
  });
  const repliesTo = async (inboundId: number) =>
    (
      await database.pool.query<{ id: number; status: string; provider: string | null; sentAt: Date | null }>(
        `SELECT id, status, provider_message_id AS provider, sent_at AS "sentAt" FROM outbound_messages
         WHERE inbound_message_id = $1 ORDER BY id`,
        [inboundId],
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('writes the replies as sent and queues no outbound job, once however often the job runs', async () => {
    const inboundId = await accept('+919850000001', 'hi');
    await handleInbound(deps(true), inboundId);
    const replies = await repliesTo(inboundId);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.status).toBe('sent');
      expect(reply.provider).toMatch(/^sim-[0-9a-f-]{36}$/);
      expect(reply.sentAt).toBeInstanceOf(Date);
    }
    expect(published).toEqual([]);
    expect(deliveredCount).toBe(replies.length);

    await handleInbound(deps(true), inboundId);
    expect(await repliesTo(inboundId)).toEqual(replies);
    expect(published).toEqual([]);
    expect(deliveredCount).toBe(replies.length);
  });

  it('queues the reply behind a message of the chat still waiting to be sent', async () => {
    const chat = '+919850000002';
    const waiting = await withChannelTransaction(database.pool, (client) =>
      createOutboundMessagesRepository(client).enqueue({
        channel: 'simulator',
        chatId: chat,
        kind: 'notice',
        body: 'sent first',
        dedupeKey: `waiting-${kind}`,
      }),
    );
    const inboundId = await accept(chat, 'hello');
    await handleInbound(deps(true), inboundId);
    const replies = await repliesTo(inboundId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((reply) => reply.status === 'queued' && reply.id > waiting)).toBe(true);
    expect(published).toEqual(
      replies.map((reply) => ({ queue: 'outbound', payload: { outboundMessageId: reply.id } })),
    );
  });

  it('leaves sending to the outbound job for a channel that sends for real', async () => {
    const inboundId = await accept('+919850000003', 'namaste');
    await handleInbound(deps(false), inboundId);
    const replies = await repliesTo(inboundId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((reply) => reply.status === 'queued' && reply.provider === null)).toBe(true);
    expect(published.map((job) => job.queue)).toEqual(replies.map(() => 'outbound'));
  });
});
