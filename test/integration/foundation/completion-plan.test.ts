import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../../src/adapters/postgres/pool.js';
import { withChannelTransaction } from '../../../src/adapters/postgres/tenant-scope.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';

// An application connection keeps one generic plan per statement (pool.ts), made at its first use. On a
// new deployment that is when inbound_messages is nearly empty; the completion's processed marks must
// still find their rows by key once the table has grown, not read it whole (migration 088).

const APP_ROLE = 'billmitra_app';

describe('inbound completion on a connection whose plans were made on an empty table', () => {
  let db: TestDatabase;
  let app: Pool;
  let sequence = 0;

  const receive = async (count: number) => {
    const rows = await db.pool.query<{ id: number }>(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, body)
       SELECT 'simulator', 'chat-' || n, 'plan-' || n, 'maggi 2' FROM generate_series($1::int, $2::int) n
       RETURNING id`,
      [sequence + 1, sequence + count],
    );
    sequence += count;
    return rows.rows.map((row) => row.id);
  };

  /** Completes one message on the application connection; how many sequential scans that took. */
  const complete = (id: number) =>
    withChannelTransaction(app, async (client) => {
      await client.query(
        `SELECT * FROM app_complete_inbound(ARRAY[$1]::bigint[], ARRAY[NULL]::bigint[], ARRAY['sale'],
           ARRAY['en'], ARRAY[$1]::bigint[], ARRAY['simulator'], ARRAY['chat-' || $1], ARRAY['text'],
           ARRAY['ok'], ARRAY[NULL]::jsonb[], ARRAY['plan-reply-' || $1], 'sim-')`,
        [id],
      );
      const scans = await client.query<{ seqScans: number }>(
        `SELECT seq_scan::int AS "seqScans" FROM pg_stat_xact_user_tables WHERE relname = 'inbound_messages'`,
      );
      const status = await client.query<{ status: string }>(
        'SELECT status FROM inbound_messages WHERE id = $1',
        [id],
      );
      return { seqScans: scans.rows[0]?.seqScans, status: status.rows[0]?.status };
    });

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    // One connection, so the plan made by the first completion is the one the later ones use.
    app = createPool({ connectionString: db.url, max: 1, role: APP_ROLE });
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  it('marks by primary key, before and after the table grows past its first plan', async () => {
    const [first] = await receive(3);
    expect(await complete(first as number)).toEqual({ seqScans: 0, status: 'processed' });

    const grown = await receive(3_000);
    const last = grown.at(-1) as number;
    expect(await complete(last)).toEqual({ seqScans: 0, status: 'processed' });
  });
});
