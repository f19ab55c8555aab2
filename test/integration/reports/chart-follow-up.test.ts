import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartRenderer, ChartRequest } from '../../../src/adapters/charts/chart-renderer.js';
import { createSimulatorSender } from '../../../src/adapters/whatsapp/simulator/simulator-sender.js';
import { handleInbound } from '../../../src/app/handle-inbound.js';
import { CHART_ATTEMPTS } from '../../../src/app/outbound-chart.js';
import type { ConversationResponder } from '../../../src/app/ports.js';
import { sendOutbound } from '../../../src/app/send-outbound.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '../support/services.js';
import { createSimulatorInbox } from '../support/simulator-inbox.js';

// A report's chart is a message of its own after the report's text: the inbound transaction writes what
// to draw and queues it; the outbound job draws it, sends it, keeps the PNG. It holds back nothing that
// follows it in the chat (migration 089): the shopkeeper's next confirmations go out at once, the chart
// when drawn, captioned with its title. Texts still keep their order among themselves, and a chart's job
// sends the texts queued before it first. A chart that cannot be drawn is given up after a few tries.

const CHART: ChartRequest = {
  kind: 'sales',
  input: { days: [{ date: '2026-11-30', revenuePaise: 150_000 }], title: 'This week', lang: 'en' },
};
const PNG = Buffer.from('\x89PNG fake chart', 'latin1');

/** A report answered as text, then its chart, then a notice in the same chat. */
const respond: ConversationResponder = async () => ({
  shopId: null,
  intent: 'ask_report',
  lang: 'en',
  replies: [{ body: 'sales ₹1,500' }, { body: 'This week', chart: CHART }, { body: 'after the chart' }],
});

const saleConfirmed: ConversationResponder = async () => ({
  shopId: null,
  intent: 'log_sale',
  lang: 'en',
  replies: [{ body: 'Maggi x2 recorded' }],
});

function renderer(draw: (request: ChartRequest) => Promise<Buffer>): ChartRenderer & { drawn: number } {
  const charts = {
    drawn: 0,
    png: async (request: ChartRequest) => {
      charts.drawn += 1;
      return draw(request);
    },
    warm: async () => {},
    close: async () => {},
  };
  return charts;
}

describe.each<DatabaseKind>(['postgres', 'pglite'])(
  'a report chart follows its text on its own (%s)',
  (kind) => {
    let database: TestDatabase;
    const { queue, published, accept } = createSimulatorInbox({
      pool: () => database.pool,
      messageIdPrefix: 'c',
    });
    const sender = createSimulatorSender();
    const rows = async (inboundId: number) =>
      (
        await database.pool.query<{
          id: number;
          body: string;
          status: string;
          png: Buffer | null;
          attempts: number;
        }>(
          `SELECT id, body, status, image_png AS png, attempts FROM outbound_messages
         WHERE inbound_message_id = $1 ORDER BY id`,
          [inboundId],
        )
      ).rows;
    const queuedIds = () =>
      published.map((job) => (job.payload as { outboundMessageId: number }).outboundMessageId);

    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.drop();
    });

    const deps = (overrides: { respond?: ConversationResponder; onRecord?: boolean } = {}) => ({
      pool: database.pool,
      queue,
      respond: overrides.respond ?? respond,
      canSendImages: true,
      ...(overrides.onRecord === false ? {} : { deliverOnRecord: { providerIdPrefix: 'sim-' } }),
    });

    it('sends the texts at once and the chart when drawn, holding back nothing after it', async () => {
      const chat = '+919850001001';
      const inboundId = await accept(chat, 'weekly report');
      await handleInbound(deps(), inboundId);
      const [text, chart, after] = await rows(inboundId);
      expect([text?.status, chart?.status, after?.status]).toEqual(['sent', 'queued', 'sent']);
      expect(chart?.png).toBeNull();
      expect(queuedIds()).toEqual([chart?.id]);

      // The shopkeeper's next message, while the chart is still to be drawn: answered at once.
      const nextId = await accept(chat, 'maggi 2');
      await handleInbound(deps({ respond: saleConfirmed }), nextId);
      expect((await rows(nextId)).map((row) => row.status)).toEqual(['sent']);

      const charts = renderer(async () => PNG);
      await sendOutbound({ pool: database.pool, sender, charts }, chart?.id ?? 0);
      const sent = await rows(inboundId);
      expect(sent.map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);
      expect(sent[1]?.png?.equals(PNG)).toBe(true);
      expect(charts.drawn).toBe(1);
    });

    it('keeps texts in order where replies are queued, and sends a chart after the texts before it', async () => {
      const inboundId = await accept('+919850001003', 'weekly report');
      await handleInbound(deps({ onRecord: false }), inboundId);
      const [text, chart, after] = await rows(inboundId);
      expect(queuedIds()).toEqual([text?.id, chart?.id, after?.id]);
      const charts = renderer(async () => PNG);

      // The text after the chart goes with the text before it, not with the chart.
      await sendOutbound({ pool: database.pool, sender, charts }, after?.id ?? 0);
      expect((await rows(inboundId)).map((row) => row.status)).toEqual(['sent', 'queued', 'sent']);
      expect(charts.drawn).toBe(0);
      await sendOutbound({ pool: database.pool, sender, charts }, chart?.id ?? 0);
      expect((await rows(inboundId)).map((row) => row.status)).toEqual(['sent', 'sent', 'sent']);

      // A chart whose report text is still queued: its job sends that text first.
      const secondId = await accept('+919850001004', 'weekly report');
      await handleInbound(deps({ onRecord: false }), secondId);
      const [secondText, secondChart] = await rows(secondId);
      await sendOutbound({ pool: database.pool, sender, charts }, secondChart?.id ?? 0);
      const order = await database.pool.query<{ id: number }>(
        `SELECT id FROM outbound_messages WHERE inbound_message_id = $1 AND status = 'sent' ORDER BY sent_at`,
        [secondId],
      );
      expect(order.rows.map((row) => row.id)).toEqual([secondText?.id, secondChart?.id]);
    });

    it('gives a chart that keeps failing up after a few tries, holding nothing meanwhile', async () => {
      const inboundId = await accept('+919850001002', 'weekly report');
      await handleInbound(deps(), inboundId);
      const [, chart] = await rows(inboundId);
      const broken = renderer(async () => {
        throw new Error('chart thread crashed');
      });
      for (let attempt = 1; attempt < CHART_ATTEMPTS; attempt++) {
        await expect(
          sendOutbound({ pool: database.pool, sender, charts: broken }, chart?.id ?? 0),
        ).rejects.toThrow(/chart could not be drawn: chart thread crashed/);
        expect((await rows(inboundId)).map((row) => row.status)).toEqual(['sent', 'queued', 'sent']);
      }
      await sendOutbound({ pool: database.pool, sender, charts: broken }, chart?.id ?? 0);
      const final = await rows(inboundId);
      expect(final.map((row) => row.status)).toEqual(['sent', 'failed', 'sent']);
      expect(final[1]?.attempts).toBe(CHART_ATTEMPTS);
      expect(broken.drawn).toBe(CHART_ATTEMPTS);
    });
  },
);
