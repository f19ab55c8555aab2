import type { Queryable } from '../../../src/adapters/postgres/pool.js';

// Everything is measured from what the application recorded: the inbound row's received_at (set when the
// webhook accepted it) and the reply row's sent_at (set when the channel sent it). The split uses
// processed_at, stamped at the start of the inbound job's transaction.

export interface LatencyFigures {
  messages: number;
  answered: number;
  unanswered: number;
  latencyMs: Percentiles;
  /** received -> the inbound job's transaction began (queue wait and pickup). */
  inboundWaitMs: Percentiles;
  /** job began -> first reply sent (conversation, commit, reply queue, send). */
  handleAndSendMs: Percentiles;
  /** received -> a report's chart sent: the chart follows the report's text, drawn by the outbound job. */
  chartMs: Percentiles & { count: number };
  /** Answers per second from the first message received to the last first reply sent. */
  throughputPerSecond: number;
  spanSeconds: number;
  /**
   * Every reply sent (texts and report charts) per second, from the first message received to the last
   * reply of any kind sent: the whole work's rate. Charts, drawn at a lower priority, lag at overload, and
   * answered/s alone would count a topology that defers them more as faster.
   */
  allRepliesPerSecond: number;
  /** p99 latency of the messages received in each window of the run, in order: a tail that is a start-up
   * transient shows in the first windows only, a saturated system in all of them. */
  p99ByWindowMs: number[];
}

/** The windows p99ByWindowMs divides a run into. */
export const LATENCY_WINDOW_SECONDS = 5;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export async function latencyFigures(db: Queryable, idPrefix: string): Promise<LatencyFigures> {
  const { rows } = await db.query<{
    messages: number;
    answered: number;
    latency: number[] | null;
    wait: number[] | null;
    handle: number[] | null;
    span: number | null;
    windows: number[] | null;
    charts: number;
    chart: number[] | null;
    replies: number;
    replies_span: number | null;
  }>(
    `WITH run AS (
       SELECT i.received_at, i.processed_at,
         (SELECT min(o.sent_at) FROM outbound_messages o
           WHERE o.inbound_message_id = i.id AND o.status = 'sent') AS replied_at
       FROM inbound_messages i
       WHERE i.channel = 'simulator' AND i.message_id LIKE $1
     ), sent AS (
       SELECT o.sent_at, o.chart IS NOT NULL AS is_chart, i.received_at
       FROM inbound_messages i JOIN outbound_messages o ON o.inbound_message_id = i.id
       WHERE i.channel = 'simulator' AND i.message_id LIKE $1 AND o.status = 'sent'
     ), charts AS (
       SELECT extract(epoch FROM sent_at - received_at) * 1000 AS latency FROM sent WHERE is_chart
     ), ms AS (
       SELECT extract(epoch FROM replied_at - received_at) * 1000 AS latency,
              extract(epoch FROM processed_at - received_at) * 1000 AS wait,
              extract(epoch FROM replied_at - processed_at) * 1000 AS handle,
              received_at, replied_at
       FROM run
     )
     SELECT count(*)::int AS messages, count(replied_at)::int AS answered,
       percentile_cont(ARRAY[0.5, 0.95, 0.99, 1]) WITHIN GROUP (ORDER BY latency) AS latency,
       percentile_cont(ARRAY[0.5, 0.95, 0.99, 1]) WITHIN GROUP (ORDER BY wait) AS wait,
       percentile_cont(ARRAY[0.5, 0.95, 0.99, 1]) WITHIN GROUP (ORDER BY handle) AS handle,
       extract(epoch FROM max(replied_at) - min(received_at))::float8 AS span,
       (SELECT array_agg(p99 ORDER BY slot) FROM (
          SELECT floor(extract(epoch FROM m.received_at - (SELECT min(received_at) FROM ms)) / ${LATENCY_WINDOW_SECONDS}) AS slot,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY m.latency) AS p99
          FROM ms m GROUP BY 1) w) AS windows,
       (SELECT count(*)::int FROM charts) AS charts,
       (SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99, 1]) WITHIN GROUP (ORDER BY latency) FROM charts) AS chart,
       (SELECT count(*)::int FROM sent) AS replies,
       (SELECT extract(epoch FROM max(sent_at) - (SELECT min(received_at) FROM ms))::float8 FROM sent)
         AS replies_span
     FROM ms`,
    [`${idPrefix}-%`],
  );
  const row = rows[0];
  if (!row) throw new Error('no figures');
  const span = row.span ?? 0;
  return {
    messages: row.messages,
    answered: row.answered,
    unanswered: row.messages - row.answered,
    latencyMs: percentiles(row.latency),
    inboundWaitMs: percentiles(row.wait),
    handleAndSendMs: percentiles(row.handle),
    chartMs: { ...percentiles(row.chart), count: row.charts },
    throughputPerSecond: span > 0 ? row.answered / span : 0,
    allRepliesPerSecond: row.replies_span && row.replies_span > 0 ? row.replies / row.replies_span : 0,
    p99ByWindowMs: row.windows ?? [],
    spanSeconds: span,
  };
}

function percentiles(values: number[] | null): Percentiles {
  const [p50 = Number.NaN, p95 = Number.NaN, p99 = Number.NaN, max = Number.NaN] = values ?? [];
  return { p50, p95, p99, max };
}

export interface IntegrityFigures {
  /** Inbound messages whose conversation committed more than one ledger entry. */
  doubledEntries: number;
  /** Inbound messages with more sent replies than reply rows (a reply sent twice cannot show otherwise). */
  repliesSent: number;
  replyRows: number;
  saleEntries: number;
  saleLines: number;
  notProcessed: number;
}

export async function integrityFigures(db: Queryable, idPrefix: string): Promise<IntegrityFigures> {
  const { rows } = await db.query<IntegrityFigures>(
    `WITH run AS (SELECT id, status FROM inbound_messages WHERE channel = 'simulator' AND message_id LIKE $1)
     SELECT
       (SELECT count(*)::int FROM (SELECT l.inbound_message_id FROM ledger_entries l JOIN run ON run.id = l.inbound_message_id
          GROUP BY l.inbound_message_id HAVING count(*) > 1) d) AS "doubledEntries",
       (SELECT count(*)::int FROM outbound_messages o JOIN run ON run.id = o.inbound_message_id WHERE o.status = 'sent') AS "repliesSent",
       (SELECT count(*)::int FROM outbound_messages o JOIN run ON run.id = o.inbound_message_id) AS "replyRows",
       (SELECT count(*)::int FROM ledger_entries l JOIN run ON run.id = l.inbound_message_id WHERE l.kind = 'sale') AS "saleEntries",
       (SELECT count(*)::int FROM sales s JOIN ledger_entries l ON l.id = s.entry_id JOIN run ON run.id = l.inbound_message_id) AS "saleLines",
       (SELECT count(*)::int FROM run WHERE status <> 'processed') AS "notProcessed"`,
    [`${idPrefix}-%`],
  );
  const row = rows[0];
  if (!row) throw new Error('no integrity figures');
  return row;
}

export interface PhaseFigure {
  phase: string;
  count: number;
  meanMs: number;
  p95Ms: number;
}

/** Reads billmitra_inbound_phase_seconds from a /metrics page: mean and bucket-estimated p95 per phase. */
export function phaseFigures(metricsText: string, before?: string): PhaseFigure[] {
  const now = histograms(metricsText);
  const then = before ? histograms(before) : new Map<string, Histogram>();
  const figures: PhaseFigure[] = [];
  for (const [phase, histogram] of now) {
    const base = then.get(phase);
    const count = histogram.count - (base?.count ?? 0);
    const sum = histogram.sum - (base?.sum ?? 0);
    if (count <= 0) continue;
    const buckets = histogram.buckets.map(
      ([le, n]) => [le, n - (base?.buckets.find(([b]) => b === le)?.[1] ?? 0)] as const,
    );
    const target = count * 0.95;
    const p95 = buckets.find(([, n]) => n >= target)?.[0] ?? Number.POSITIVE_INFINITY;
    figures.push({ phase, count, meanMs: (sum / count) * 1000, p95Ms: p95 * 1000 });
  }
  return figures;
}

interface Histogram {
  sum: number;
  count: number;
  buckets: Array<[number, number]>;
}

function histograms(text: string): Map<string, Histogram> {
  const found = new Map<string, Histogram>();
  const get = (phase: string) => {
    let histogram = found.get(phase);
    if (!histogram) {
      histogram = { sum: 0, count: 0, buckets: [] };
      found.set(phase, histogram);
    }
    return histogram;
  };
  for (const line of text.split('\n')) {
    const bucket = /^billmitra_inbound_phase_seconds_bucket\{le="([^"]+)",phase="([^"]+)"\} (\S+)/.exec(line);
    if (bucket?.[1] && bucket[2] && bucket[3]) {
      get(bucket[2]).buckets.push([
        bucket[1] === '+Inf' ? Number.POSITIVE_INFINITY : Number(bucket[1]),
        Number(bucket[3]),
      ]);
      continue;
    }
    const total = /^billmitra_inbound_phase_seconds_(sum|count)\{phase="([^"]+)"\} (\S+)/.exec(line);
    if (total?.[1] && total[2] && total[3]) get(total[2])[total[1] as 'sum' | 'count'] = Number(total[3]);
  }
  return found;
}

/** Counter value from a /metrics page, summed over the lines whose labels contain every given pair. */
export function counterValue(metricsText: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}
