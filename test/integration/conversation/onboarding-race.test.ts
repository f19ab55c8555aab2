import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simConversation, simSend, waitFor } from '../support/app.js';
import { type ConversationHarness, startHarness } from './support.js';

// A new number mid-way through onboarding sends two sales at once; both jobs run in parallel, both find
// no shop and both set up one. Exactly one shop must come of it and both sales must be logged and answered,
// without a failed job.

const PHONE = '+919830000091';

describe('two messages finishing onboarding at once', () => {
  let h: ConversationHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('makes one shop and answers both messages in it', async () => {
    expect(await h.say(PHONE, 'namaste')).toContain('dukaan ka naam');

    // Hold both jobs just before they write the owner row, so they truly race for the number.
    const blocker = new pg.Client({ connectionString: h.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE shop_members IN EXCLUSIVE MODE');
      expect((await simSend(h.app, { from: PHONE, text: '5 maggi', id: 'race-1' })).status).toBe(202);
      expect((await simSend(h.app, { from: PHONE, text: '2 kurkure', id: 'race-2' })).status).toBe(202);
      await waitFor(
        async () => {
          const { rows } = await h.database.pool.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks
             WHERE relation = 'shop_members'::regclass AND NOT granted`,
          );
          return rows[0]?.n === 2;
        },
        { what: 'both onboarding jobs waiting to write the owner row' },
      );
      await blocker.query('COMMIT');
    } finally {
      await blocker.end();
    }

    await waitFor(
      async () => {
        const rows = await h.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM inbound_messages WHERE chat_id = $1 AND status = 'received'`,
          [PHONE],
        );
        return rows[0]?.n === 0;
      },
      { what: 'both sales processed' },
    );
    expect(await h.query('SELECT phone, role FROM shop_members')).toEqual([{ phone: PHONE, role: 'owner' }]);
    expect(await h.query<{ n: number }>('SELECT count(*)::int AS n FROM shops')).toEqual([{ n: 1 }]);
    const sold = await h.query(
      `SELECT p.catalog_id, s.quantity::int AS sold FROM sales s
       JOIN products p ON p.id = s.product_id WHERE NOT s.voided ORDER BY p.catalog_id`,
    );
    expect(sold).toEqual([
      { catalog_id: 'kurkure', sold: 2 },
      { catalog_id: 'maggi', sold: 5 },
    ]);
    const replies = await waitFor(async () => {
      const out = (await simConversation(h.app, PHONE)).filter((m) => m.direction === 'out');
      return out.length >= 4 ? out.map((m) => m.text).join('\n') : undefined;
    });
    expect(replies).toContain('Maggi');
    expect(replies).toContain('Kurkure');
    const failures = await h.app.services.metrics.registry
      .getSingleMetric('billmitra_job_failures_total')
      ?.get();
    expect(failures?.values.filter((value) => value.value > 0) ?? []).toEqual([]);
  });
});
