import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingPool } from '../../../scripts/bench/pipeline/counting-pool.js';
import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import type { JobPublisher } from '../../../src/adapters/queue/payloads.js';
import { acceptInbound } from '../../../src/app/accept-inbound.js';
import { handleInbound } from '../../../src/app/handle-inbound.js';
import { createResponder } from '../../../src/app/responder.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';

// Each round trip to PostgreSQL costs both processes a system call and a wake-up, which is most of a
// message's CPU. The inbound job opens with one: BEGIN, the channel scope, the message's lock and its
// sender's shop, state and settings. These pin that, and what a known member's sale costs in all.

const OWNER = '+919860000001';

describe.each<DatabaseKind>(['postgres', 'pglite'])('inbound job round trips (%s)', (kind) => {
  let database: TestDatabase;
  let sequence = 0;
  const queue: JobPublisher = { publish: async () => {} };
  const respond = createResponder({ translator: createTranslator() });

  const handleCounting = async (text: string) => {
    sequence += 1;
    const accepted = await acceptInbound(
      { db: database.pool, queue },
      { channel: 'simulator', chatId: OWNER, senderPhone: OWNER, messageId: `rt-${sequence}`, text },
    );
    const statements: string[] = [];
    const pool = countingPool(database.pool, (text) => statements.push(text));
    await handleInbound(
      { pool, queue, respond, canSendImages: false, deliverOnRecord: { providerIdPrefix: 'sim-' } },
      accepted.inboundMessageId,
    );
    const replies = await database.pool.query<{ body: string; status: string }>(
      'SELECT body, status FROM outbound_messages WHERE inbound_message_id = $1',
      [accepted.inboundMessageId],
    );
    return { statements, replies: replies.rows, inboundMessageId: accepted.inboundMessageId };
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await withTransaction(database.pool, (client) =>
      createShop(client, { name: 'Round Trip Stores', ownerPhone: OWNER, language: 'en' }),
    );
    await handleCounting('maggi ka stock 50');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("opens with the lock and the sender's shop in one round trip, and a sale takes five in all", async () => {
    const { statements, replies } = await handleCounting('3 maggi');
    expect(replies).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(replies[0]?.body).toContain('Maggi noodles 3 × ₹14 = ₹42');
    const [opening] = statements;
    expect(opening).toMatch(/^BEGIN;/);
    expect(opening).toContain('FOR UPDATE');
    expect(opening).toContain('app_enter_conversation');
    expect(statements.at(-1)).toBe('COMMIT');
    expect(statements.length).toBeLessThanOrEqual(5);
  });

  it('enters no shop and changes nothing when the job runs again for a processed message', async () => {
    const first = await handleCounting('2 maggi');
    const statements: string[] = [];
    await handleInbound(
      {
        pool: countingPool(database.pool, (text) => statements.push(text)),
        queue,
        respond,
        canSendImages: false,
        deliverOnRecord: { providerIdPrefix: 'sim-' },
      },
      first.inboundMessageId,
    );
    // The opening round trip, the look for replies still queued, COMMIT: no conversation ran again.
    expect(statements).toHaveLength(3);
    const sales = await database.pool.query(
      `SELECT count(*)::int AS n FROM ledger_entries WHERE inbound_message_id = $1`,
      [first.inboundMessageId],
    );
    expect(sales.rows).toEqual([{ n: 1 }]);
  });
});
