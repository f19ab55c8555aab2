import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import runAlertsJob from '../../../jobs/run-alerts.js';
import { festivalsBetween } from '../../../src/core/festivals/index.js';
import { addDays, daysBetween } from '../../../src/core/inventory/local-date.js';
import type { RunningBillMitra } from '../../../src/main.js';
import { simSay, startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { coverageOfOrder } from './festival-coverage.js';
import {
  createOctoberShop,
  istMoment,
  OCTOBER,
  type OctoberShop,
  OWNER,
  octoberDays,
  sellDay,
} from './october-shop.js';

// A fake clock walks a simulated October (Diwali on its real date, 20 Oct 2025) through the alerts job
// against real PostgreSQL and queues: morning and evening runs, runs in quiet hours, a retried job, a day
// without sales, and alerts switched off in chat on the 25th.

interface AlertRow {
  kind: string;
  localDate: string;
  productKeys: string[];
  festivalId: string | null;
  outboundId: number;
  template: { name: string } | null;
  body: string;
}

describe('proactive alerts over a simulated October', () => {
  let database: TestDatabase;
  let app: RunningBillMitra;
  let shop: OctoberShop;
  const diwali = festivalsBetween(2025, 2025).find((f) => f.id === 'diwali')!.date;
  const quietRuns: string[][] = [];
  const firstStockOut = new Map<string, string>();
  const stockAtMorning = new Map<string, Map<string, number>>();
  let retried: string[] = [];
  let alerts: AlertRow[] = [];
  let elapsedMs = 0;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    shop = await createOctoberShop(database.pool);
    app = await startTestApp({ databaseUrl: database.url });
    let now = new Date();
    const deps = {
      pool: app.services.pool,
      queue: app.services.queues,
      translator: app.services.translator,
      channelName: 'simulator',
      clock: () => now,
    };
    // One processor for the month, as one worker process would hold.
    const processor = runAlertsJob(deps);
    const runAt = async (date: string, time: string) => {
      now = istMoment(date, time);
      await processor({ shopId: shop.shopId, kind: 'scheduled' });
    };
    // The owner wrote on the morning of the 13th: that day's alerts are inside WhatsApp's 24-hour window.
    await database.pool.query(
      `INSERT INTO inbound_messages (channel, chat_id, message_id, sender_phone, body, received_at, status, shop_id)
       VALUES ('simulator', $1, 'oct13', $1, 'namaste', $2, 'processed', $3)`,
      [OWNER, istMoment('2025-10-13', '07:30'), shop.shopId],
    );
    const started = performance.now();
    for (const date of octoberDays()) {
      if (date === '2025-10-25') await simSay(app, OWNER, 'alerts off');
      const before = await countAlerts();
      await runAt(date, '06:00');
      await runAt(date, '22:45');
      quietRuns.push(await newKeys(before));
      stockAtMorning.set(date, await stockLevels());
      await runAt(date, '08:00');
      if (date === '2025-10-06') {
        const count = await countAlerts();
        // A retried job for the same scheduled moment (BullMQ's timestamp + delay) sends nothing new.
        const job = {
          timestamp: istMoment(date, '07:59').getTime(),
          opts: { delay: 60_000 },
        } as unknown as Job;
        await processor({ shopId: shop.shopId, kind: 'morning' }, job);
        await runAt(date, '09:30');
        retried = await newKeys(count);
      }
      // 5 October: the shop forgets to log its sales.
      if (date !== '2025-10-05') {
        for (const product of await sellDay(database.pool, shop, date))
          if (!firstStockOut.has(product)) firstStockOut.set(product, date);
      }
      await runAt(date, '20:00');
    }
    elapsedMs = performance.now() - started;
    alerts = await alertRows();
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  async function countAlerts(): Promise<number> {
    const r = await database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM alerts_sent WHERE shop_id = $1',
      [shop.shopId],
    );
    return r.rows[0]!.n;
  }

  async function newKeys(after: number): Promise<string[]> {
    const r = await database.pool.query<{ key: string }>(
      'SELECT dedupe_key AS key FROM alerts_sent WHERE shop_id = $1 ORDER BY id OFFSET $2',
      [shop.shopId, after],
    );
    return r.rows.map((row) => row.key);
  }

  async function stockLevels(): Promise<Map<string, number>> {
    const r = await database.pool.query<{ id: string; stock: number }>(
      'SELECT catalog_id AS id, stock_quantity::float8 AS stock FROM products WHERE shop_id = $1',
      [shop.shopId],
    );
    return new Map(r.rows.map((row) => [row.id, row.stock]));
  }

  async function alertRows(): Promise<AlertRow[]> {
    const r = await database.pool.query<AlertRow>(
      `SELECT a.kind, to_char(a.local_date, 'YYYY-MM-DD') AS "localDate", a.product_keys AS "productKeys",
         a.festival_id AS "festivalId", o.id AS "outboundId", o.template, o.body
       FROM alerts_sent a JOIN outbound_messages o ON o.id = a.outbound_message_id
       WHERE a.shop_id = $1 AND a.local_date BETWEEN $2 AND $3 ORDER BY a.id`,
      [shop.shopId, OCTOBER, '2025-10-31'],
    );
    return r.rows;
  }

  it('runs the whole month in well under a minute', () => {
    console.info(`October (124 alert runs, 31 days of sales) took ${Math.round(elapsedMs)} ms`);
    expect(elapsedMs).toBeLessThan(45_000);
  });

  it('sends the Diwali restock list 14 and 7 days before Diwali, once each', () => {
    const diwaliAlerts = alerts.filter((a) => a.kind === 'festival-restock' && a.festivalId === 'diwali');
    expect(diwaliAlerts.map((a) => a.localDate)).toEqual([addDays(diwali, -14), addDays(diwali, -7)]);
    // Dhanteras and Bhai Dooj fall in Diwali's week: their lists would repeat Diwali's, so none is sent.
    const folded = alerts.filter((a) => a.festivalId === 'dhanteras' || a.festivalId === 'bhai_dooj');
    expect(folded).toEqual([]);
    console.info(diwaliAlerts[0]?.body);
    for (const alert of diwaliAlerts) {
      expect(alert.body).toContain('🪔 Diwali');
      expect(alert.body).toContain('"order bhej do"');
    }
  });

  it('lists the items whose simulated demand spikes for Diwali, and nothing that does not', () => {
    const first = alerts.find((a) => a.kind === 'festival-restock' && a.festivalId === 'diwali')!;
    const truth = shop.simulated.truth;
    const spike = (product: string) => {
      const mean = (from: string, to: string) => {
        const days = truth.filter((t) => t.product === product && t.date >= from && t.date <= to);
        return days.reduce((s, t) => s + t.expected, 0) / days.length;
      };
      return mean(addDays(diwali, -6), diwali) / mean(addDays(diwali, -40), addDays(diwali, -12));
    };
    expect(first.productKeys.length).toBeGreaterThanOrEqual(5);
    for (const product of first.productKeys) expect(spike(product)).toBeGreaterThan(1.3);
    // The snacks, which the simulator lifts 2.5 times, are all there.
    for (const snack of ['maggi', 'kurkure', 'lays', 'biscuits']) expect(first.productKeys).toContain(snack);
  });

  it('orders enough to cover the simulated demand up to Diwali at the chosen service level', async () => {
    for (const daysBefore of [14, 7]) {
      const date = addDays(diwali, -daysBefore);
      const result = await coverageOfOrder(database.pool, shop, {
        date,
        festivalDate: diwali,
        stock: stockAtMorning.get(date)!,
      });
      console.info(
        `d-${daysBefore}: covered ${(result.coverage * 100).toFixed(1)}% of draws (${(result.coverageOnePackLess * 100).toFixed(1)}% with one pack fewer) at service level ${(result.serviceLevel * 100).toFixed(1)}%; short in the simulated October: ${result.shortItems.join(', ') || 'none'}`,
      );
      // Over many draws of the simulated weeks, stock plus order suffices about as often as promised.
      expect(result.coverage).toBeGreaterThanOrEqual(result.serviceLevel - 0.1);
      // Not by ordering far too much: one supplier pack fewer would fall short of the level.
      expect(result.coverageOnePackLess).toBeLessThan(result.serviceLevel);
      // And the simulated October itself ran out of no listed item before Diwali for want of the order.
      expect(result.shortItems.length).toBeLessThanOrEqual(1);
    }
  });

  it('warns of low stock before each simulated stock-out, never first on or after it', () => {
    const outsBeforeAlertsOff = [...firstStockOut].filter(([, date]) => date < '2025-10-25');
    expect(outsBeforeAlertsOff.length).toBeGreaterThanOrEqual(2);
    for (const [product, outDate] of outsBeforeAlertsOff) {
      const warned = alerts
        .filter((a) => a.kind === 'low-stock' && a.productKeys.includes(product))
        .map((a) => a.localDate)
        .sort();
      expect(warned[0], `${product} ran out on ${outDate}`).toBeDefined();
      expect(daysBetween(warned[0]!, outDate)).toBeGreaterThanOrEqual(1);
    }
    // One low-stock alert of an item per day at most.
    const perItemDay = alerts
      .filter((a) => a.kind === 'low-stock')
      .flatMap((a) => a.productKeys.map((p) => `${p}|${a.localDate}`));
    expect(new Set(perItemDay).size).toBe(perItemDay.length);
  });

  it('sends nothing in quiet hours, nothing twice for a retried job, nothing after alerts off', () => {
    expect(quietRuns.flat()).toEqual([]);
    expect(retried).toEqual([]);
    expect(alerts.filter((a) => a.localDate >= '2025-10-25')).toEqual([]);
    expect(alerts.filter((a) => a.localDate < '2025-10-25').length).toBeGreaterThan(10);
  });

  it('reminds in the evening only on the day without sales', () => {
    const reminders = alerts.filter((a) => a.kind === 'no-sales-today').map((a) => a.localDate);
    expect(reminders).toEqual(['2025-10-05']);
  });

  it('sends the weekly summary on Sunday evenings with the week’s sales', () => {
    const weekly = alerts.filter((a) => a.kind === 'weekly-summary');
    expect(weekly.map((a) => a.localDate)).toEqual(['2025-10-05', '2025-10-12', '2025-10-19']);
    for (const alert of weekly)
      expect(alert.body).toMatch(/^🗓️ Hafte ka hisaab\n📊 Is hafte \(.+\): bikri ₹[\d,]+/);
  });

  it('uses a template outside the 24-hour window and plain text inside it', () => {
    const oct13 = alerts.filter((a) => a.localDate === '2025-10-13');
    const others = alerts.filter((a) => a.localDate !== '2025-10-13');
    expect(oct13.length).toBeGreaterThan(0);
    for (const alert of oct13) expect(alert.template).toBeNull();
    for (const alert of others) expect(alert.template?.name).toBeTruthy();
  });

  it('hands every alert to the outbound queue, which sends it once', async () => {
    const ids = alerts.map((a) => a.outboundId);
    await waitFor(
      async () => {
        const r = await database.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbound_messages WHERE id = ANY($1::bigint[]) AND status = 'sent'`,
          [ids],
        );
        return r.rows[0]!.n === ids.length;
      },
      { what: 'alerts sent', timeoutMs: 30_000 },
    );
  });
});
