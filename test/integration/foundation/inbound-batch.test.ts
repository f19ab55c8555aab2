import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handleInboundJob from '../../../jobs/handle-inbound.js';
import { countingPool } from '../../../scripts/bench/pipeline/counting-pool.js';
import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { withTransaction } from '../../../src/adapters/postgres/pool.js';
import { createShop } from '../../../src/adapters/postgres/repositories/shops.js';
import { type HandleInboundDeps, handleInbound } from '../../../src/app/handle-inbound.js';
import { handleInboundBatch } from '../../../src/app/handle-inbound-batch.js';
import { createInboundBatcher } from '../../../src/app/inbound-batcher.js';
import type { ConversationResponder } from '../../../src/app/ports.js';
import { createResponder } from '../../../src/app/responder.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { createSimulatorInbox } from '../support/simulator-inbox.js';

// Several inbound messages in one transaction: each must come out as it would alone (its own shop, its
// chat's state as the message before it left it, its replies), a message already done changes nothing,
// and one message that fails costs the others only a second try.

const SHOP_A = '+919870000001';
const SHOP_B = '+919870000002';

describe.each<DatabaseKind>(['postgres', 'pglite'])('inbound messages handled in batches (%s)', (kind) => {
  let database: TestDatabase;
  const { queue, published, accept } = createSimulatorInbox({
    pool: () => database.pool,
    messageIdPrefix: 'b',
  });
  const respond = createResponder({ translator: createTranslator() });
  const deps = (overrides: Partial<HandleInboundDeps> = {}): HandleInboundDeps => ({
    pool: database.pool,
    queue,
    respond,
    canSendImages: false,
    deliverOnRecord: { providerIdPrefix: 'sim-' },
    ...overrides,
  });
  const repliesTo = async (inboundId: number) =>
    (
      await database.pool.query<{ body: string; status: string; shopId: number | null }>(
        `SELECT body, status, shop_id AS "shopId" FROM outbound_messages WHERE inbound_message_id = $1 ORDER BY id`,
        [inboundId],
      )
    ).rows;
  const inbound = async (id: number) =>
    (
      await database.pool.query<{ status: string; shopId: number | null }>(
        `SELECT status, shop_id AS "shopId" FROM inbound_messages WHERE id = $1`,
        [id],
      )
    ).rows[0];
  const ledgerEntries = async (id: number) =>
    (
      await database.pool.query<{ shopId: number }>(
        `SELECT shop_id AS "shopId" FROM ledger_entries WHERE inbound_message_id = $1`,
        [id],
      )
    ).rows;
  let shopA = 0;
  let shopB = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const [phone, name] of [
      [SHOP_A, 'Batch Stores A'],
      [SHOP_B, 'Batch Stores B'],
    ] as const) {
      const shop = await withTransaction(database.pool, (client) =>
        createShop(client, { name, ownerPhone: phone, language: 'en' }),
      );
      if (phone === SHOP_A) shopA = shop.id;
      else shopB = shop.id;
      await handleInbound(deps(), await accept(phone, 'maggi ka stock 50'));
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('answers each message of several shops within its own shop, in one transaction', async () => {
    const newcomer = '+919870000099';
    const ids = [
      await accept(SHOP_A, '3 maggi'),
      await accept(SHOP_B, '2 maggi'),
      await accept(newcomer, 'namaste'),
      await accept(SHOP_A, '4 maggi'),
      await accept(SHOP_B, 'aaj ki bikri'),
      await accept(newcomer, 'Batch Kirana'),
    ];
    const statements: string[] = [];
    const pool = countingPool(database.pool, (text) => statements.push(text));
    // The shop each conversation runs in: its sender's, or none for a number of no shop (never the shop of
    // the message before it).
    const scopes = new Map<number, string>();
    const recordingScope: ConversationResponder = async (input) => {
      const scope = await input.db.query<{ shop: string }>(
        `SELECT coalesce(current_setting('app.shop_id', true), '') AS shop`,
      );
      scopes.set(input.message.id, scope.rows[0]?.shop ?? '?');
      return respond(input);
    };
    await handleInboundBatch(deps({ pool, respond: recordingScope }), ids);

    expect([...scopes.entries()]).toEqual([
      [ids[0], String(shopA)],
      [ids[3], String(shopA)],
      [ids[1], String(shopB)],
      [ids[4], String(shopB)],
      [ids[2], ''],
      [ids[5], ''],
    ]);
    expect(statements.filter((text) => text.startsWith('BEGIN'))).toHaveLength(1);
    expect(statements.filter((text) => text === 'COMMIT')).toHaveLength(1);
    const [saleA, saleB, hello, secondSaleA, reportB, shopName] = ids as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    expect(await inbound(saleA)).toEqual({ status: 'processed', shopId: shopA });
    expect(await inbound(saleB)).toEqual({ status: 'processed', shopId: shopB });
    expect(await ledgerEntries(saleA)).toEqual([{ shopId: shopA }]);
    expect(await ledgerEntries(secondSaleA)).toEqual([{ shopId: shopA }]);
    expect(await ledgerEntries(saleB)).toEqual([{ shopId: shopB }]);
    expect((await repliesTo(saleA))[0]?.body).toContain('Maggi noodles 3 × ₹14 = ₹42');
    expect((await repliesTo(secondSaleA))[0]?.body).toContain('Maggi noodles 4 × ₹14 = ₹56');
    // B's report counts B's two Maggi only, though A's sales were written earlier in the same transaction.
    const report = (await repliesTo(reportB))[0];
    expect(report).toMatchObject({ status: 'sent', shopId: shopB });
    expect(report?.body).toContain('₹28');
    expect(report?.body).not.toContain('₹98');
    // The newcomer's second message reads the state its first one left: the shop name is taken.
    expect((await repliesTo(hello))[0]).toMatchObject({ shopId: null });
    expect((await repliesTo(hello))[0]?.body).toMatch(/naam|name/i);
    expect((await repliesTo(shopName))[0]?.body).toMatch(/bhasha|language/i);
    expect(await inbound(shopName)).toEqual({ status: 'processed', shopId: null });
    expect(published).toEqual([]);
  });

  it('changes nothing for a message already handled, and queues its unsent replies again', async () => {
    const queued = deps({ deliverOnRecord: undefined });
    const done = await accept(SHOP_A, '1 maggi');
    await handleInbound(queued, done);
    expect(published).toHaveLength(1);
    published.length = 0;
    const fresh = await accept(SHOP_B, '1 maggi');
    await handleInboundBatch(queued, [done, fresh]);

    expect(await ledgerEntries(done)).toHaveLength(1);
    expect(await ledgerEntries(fresh)).toEqual([{ shopId: shopB }]);
    expect(published.map(({ queue }) => queue)).toEqual(['outbound', 'outbound']);
    expect(await repliesTo(done)).toHaveLength(1);
  });

  it('fails only the message that fails: the rest of its batch is answered one by one', async () => {
    const ids = [
      await accept(SHOP_A, '2 maggi'),
      await accept(SHOP_B, 'boom'),
      await accept(SHOP_B, '5 maggi'),
    ];
    const failing: ConversationResponder = async (input) => {
      if (input.message.body === 'boom') throw new Error('conversation failed');
      return respond(input);
    };
    const failedBatches: number[] = [];
    const batcher = createInboundBatcher({
      lanes: 1,
      maxBatch: 8,
      handleOne: (id) => handleInbound(deps({ respond: failing }), id),
      handleBatch: (batch) => handleInboundBatch(deps({ respond: failing }), batch),
      onBatchFailed: (_error, size) => failedBatches.push(size),
    });
    // The first job takes the lane alone; the other two wait and go together as one batch.
    const outcomes = await Promise.allSettled(ids.map((id) => batcher.handle(id)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(failedBatches).toEqual([2]);
    const [first, boom, last] = ids as [number, number, number];
    expect(await inbound(first)).toMatchObject({ status: 'processed' });
    expect(await inbound(boom)).toMatchObject({ status: 'received' });
    expect(await inbound(last)).toMatchObject({ status: 'processed', shopId: shopB });
    expect(await ledgerEntries(last)).toEqual([{ shopId: shopB }]);
    expect(await repliesTo(boom)).toEqual([]);
  });

  it('answers every message of a job carrying an accepted batch; one failing fails the job, and its retry finds the rest done', async () => {
    const ids = [
      await accept(SHOP_A, '6 maggi'),
      await accept(SHOP_B, 'boom'),
      await accept(SHOP_B, '7 maggi'),
    ] as [number, number, number];
    const failing: ConversationResponder = async (input) => {
      if (input.message.body === 'boom') throw new Error('conversation failed');
      return respond(input);
    };
    const payload = { inboundMessageId: ids[0], alsoInboundMessageIds: [ids[1], ids[2]] };
    await expect(
      handleInboundJob(deps({ respond: failing }), { transactions: 1, batchSize: 8 })(payload),
    ).rejects.toThrow('conversation failed');
    expect(await inbound(ids[0])).toMatchObject({ status: 'processed', shopId: shopA });
    expect(await inbound(ids[1])).toMatchObject({ status: 'received' });
    expect(await inbound(ids[2])).toMatchObject({ status: 'processed', shopId: shopB });

    await handleInboundJob(deps(), { transactions: 1, batchSize: 8 })(payload);
    expect(await inbound(ids[1])).toMatchObject({ status: 'processed', shopId: shopB });
    expect(await ledgerEntries(ids[0])).toEqual([{ shopId: shopA }]);
    expect(await ledgerEntries(ids[2])).toEqual([{ shopId: shopB }]);
  });
});
