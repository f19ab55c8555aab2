import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import { recoverPending } from '../../../src/app/recover-pending.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { createSimulatorInbox } from '../support/simulator-inbox.js';

// The recovery sweep re-queues messages PostgreSQL still holds as unprocessed, but not while inbound jobs
// are waiting: a job carries a whole accepted batch under its first message's id, so a message of it
// re-queued under its own id would be handled a second time (as a no-op) on top of the backlog.

describe.each<DatabaseKind>(['postgres', 'pglite'])('recovery sweep of inbound messages (%s)', (kind) => {
  let database: TestDatabase;
  const { queue, published, accept } = createSimulatorInbox({
    pool: () => database.pool,
    messageIdPrefix: 'r',
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('re-queues an old unprocessed message once the inbound queue has no backlog', async () => {
    const id = await accept('+919850002001', 'lost between recording and queueing');
    await database.pool.query(
      `UPDATE inbound_messages SET received_at = now() - interval '1 minute' WHERE id = $1`,
      [id],
    );
    const sweep = (backlog: number) =>
      recoverPending(
        { db: channelQueryable(database.pool), queue, inboundBacklog: async () => backlog },
        { olderThanSeconds: 20 },
      );

    expect((await sweep(12)).inbound).toBe(0);
    expect(published).toEqual([]);

    expect((await sweep(0)).inbound).toBe(1);
    expect(published).toEqual([{ queue: 'inbound', payload: { inboundMessageId: id } }]);
  });
});
