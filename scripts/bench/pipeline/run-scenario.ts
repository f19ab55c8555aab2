import { randomBytes } from 'node:crypto';
import { type BenchDatabase, createBenchDatabase } from './bench-database.js';
import { type CpuPerMessage, cpuPerMessage, cpuSnapshot } from './cpu-usage.js';
import { runLoad } from './load-generator.js';
import {
  counterValue,
  type IntegrityFigures,
  integrityFigures,
  type LatencyFigures,
  latencyFigures,
  type PhaseFigure,
  phaseFigures,
} from './measure.js';
import { type MemorySummary, sampleMemory, summariseMemory } from './memory-samples.js';
import { type StatementFigure, statementSnapshot, topStatements } from './statement-stats.js';
import { clearQueuePrefix, localRedisPid, startTopology, type TopologyName } from './topology.js';

export interface ScenarioOptions {
  topology: TopologyName;
  ratePerSecond: number;
  durationMs: number;
  shops: number;
  template: string;
  /** A superuser URL of the PostgreSQL server the run's database is copied on (postgres-transport.ts). */
  postgresAdminUrl: string;
  redisUrl: string;
  env: Record<string, string>;
  /** Seconds of load before the measured run, so JIT and per-shop caches are warm. */
  warmupSeconds: number;
  /** Messages per second from one extra flooding number during the run (per-sender limiting check). */
  floodPerSecond?: number;
  log(line: string): void;
}

export interface ScenarioResult {
  topology: TopologyName;
  ratePerSecond: number;
  sent: number;
  accepted: number;
  httpStatuses: Record<string, number>;
  kinds: Record<string, number>;
  latency: LatencyFigures;
  integrity: IntegrityFigures;
  phases: PhaseFigure[];
  inboundJobsCompleted?: number;
  /** Mean inbound messages per worker transaction (single topology: read from its metrics). */
  messagesPerTransaction?: number;
  memory: MemorySummary[];
  /** V8 heap in use in the web process (the whole app in the single topology), MB, after warm-up and at the end. */
  webHeapMb: { start: number; end: number };
  drainedSeconds: number;
  exitCodes: Array<number | null>;
  /** The load was cut short because the backlog passed MAX_BACKLOG_SECONDS of traffic. */
  stoppedEarly: boolean;
  cpu: CpuPerMessage;
  /** The statements that took PostgreSQL the most time during the load and drain (pg_stat_statements). */
  statements?: StatementFigure[];
  /** The flooding number's answers (202 / 429) and the latency of its accepted messages. */
  flood?: { statuses: Record<string, number>; latency: LatencyFigures };
}

/** A run whose unprocessed backlog passes this many seconds of traffic is not sustaining its rate. */
const MAX_BACKLOG_SECONDS = 20;
const TOP_STATEMENTS = 6;

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const database: BenchDatabase = await createBenchDatabase({
    shops: options.shops,
    template: options.template,
    adminUrl: options.postgresAdminUrl,
  });
  const queuePrefix = `bmbench_${randomBytes(4).toString('hex')}`;
  const topology = await startTopology(options.topology, {
    databaseUrl: database.url,
    redisUrl: options.redisUrl,
    queuePrefix,
    env: options.env,
    shops: options.shops,
  });
  const base = `http://127.0.0.1:${topology.port}`;
  try {
    if (options.warmupSeconds > 0) {
      options.log(`  warming up for ${options.warmupSeconds} s`);
      await runLoad({
        port: topology.port,
        ratePerSecond: Math.min(options.ratePerSecond, 200),
        durationMs: options.warmupSeconds * 1000,
        shops: options.shops,
        idPrefix: 'warm',
        seed: 7,
      });
      await waitForAnswers(database, 120_000);
      // The seed leaves the message and ledger tables empty, and PostgreSQL keeps the plans it made for
      // them (sequential scans, as in the foreign-key checks of every ledger line) in each connection for
      // as long as the statistics stand: 0.1 ms a check, growing with the table. A live database's tables
      // are never empty, and autovacuum's ANALYZE of a growing one replaces those plans; this does it once.
      await database.pool.query('ANALYZE');
    }
    const metricsBefore = await (await fetch(`${base}/metrics`)).text();
    const appPids = topology.processes.flatMap((app) => (app.child.pid === undefined ? [] : [app.child.pid]));
    const redisPid = await localRedisPid(options.redisUrl);
    const cpuBefore = await cpuSnapshot(appPids, database.pool, database.name, redisPid);
    const statementsBefore = await statementSnapshot(database.pool);
    const memory = sampleMemory(topology.processes.map((app) => ({ label: app.label, pid: app.child.pid })));
    const idPrefix = `run${randomBytes(3).toString('hex')}`;
    const backlog = watchBacklog(database, idPrefix, options.ratePerSecond * MAX_BACKLOG_SECONDS);
    const flooding = options.floodPerSecond
      ? runLoad({
          port: topology.port,
          ratePerSecond: options.floodPerSecond,
          durationMs: options.durationMs,
          shops: 1,
          idPrefix: `flood${idPrefix}`,
          seed: 3,
          shouldStop: backlog.exceeded,
        })
      : undefined;
    const load = await runLoad({
      shouldStop: backlog.exceeded,
      port: topology.port,
      ratePerSecond: options.ratePerSecond,
      durationMs: options.durationMs,
      shops: options.shops,
      idPrefix,
      onTick: (stats) => {
        if (Math.round(stats.elapsedMs / 1000) % 10 === 0) {
          options.log(
            `  ${Math.round(stats.elapsedMs / 1000)} s: sent ${stats.sent}, accepted ${stats.accepted}`,
          );
        }
      },
    });
    const flood = await flooding;
    const loadEnded = Date.now();
    backlog.stop();
    if (backlog.exceeded()) {
      options.log(`  stopped early: more than ${MAX_BACKLOG_SECONDS} s of messages waiting (not sustained)`);
    }
    await waitForAnswers(database, 120_000);
    const drainedSeconds = (Date.now() - loadEnded) / 1000;
    const cpuAfter = await cpuSnapshot(appPids, database.pool, database.name, redisPid);
    const statementsAfter = statementsBefore && (await statementSnapshot(database.pool));
    const memorySeries = await memory.stop();
    const metricsAfter = await (await fetch(`${base}/metrics`)).text();
    const latency = await latencyFigures(database.pool, idPrefix);
    const cpu = cpuPerMessage(cpuBefore, cpuAfter, Math.max(1, latency.answered));
    const floodLatency = flood ? await latencyFigures(database.pool, `flood${idPrefix}`) : undefined;
    const integrity = await integrityFigures(database.pool, idPrefix);
    const completed =
      options.topology === 'single'
        ? counterValue(metricsAfter, 'billmitra_job_duration_seconds_count', { queue: 'inbound' }) -
          counterValue(metricsBefore, 'billmitra_job_duration_seconds_count', { queue: 'inbound' })
        : undefined;
    const perTransaction = (suffix: string) =>
      counterValue(metricsAfter, `billmitra_inbound_transaction_messages_${suffix}`) -
      counterValue(metricsBefore, `billmitra_inbound_transaction_messages_${suffix}`);
    const transactions = options.topology === 'single' ? perTransaction('count') : 0;
    const exitCodes = await topology.stop();
    return {
      topology: options.topology,
      ratePerSecond: options.ratePerSecond,
      sent: load.sent,
      accepted: load.accepted,
      httpStatuses: load.byStatus,
      kinds: load.byKind,
      latency,
      integrity,
      phases: phaseFigures(metricsAfter, metricsBefore),
      ...(completed === undefined ? {} : { inboundJobsCompleted: completed }),
      ...(transactions > 0 ? { messagesPerTransaction: perTransaction('sum') / transactions } : {}),
      memory: memorySeries.map(summariseMemory),
      webHeapMb: { start: heapMb(metricsBefore), end: heapMb(metricsAfter) },
      drainedSeconds,
      exitCodes,
      stoppedEarly: backlog.exceeded(),
      cpu,
      ...(statementsBefore && statementsAfter
        ? { statements: topStatements(statementsBefore, statementsAfter, TOP_STATEMENTS) }
        : {}),
      ...(flood && floodLatency ? { flood: { statuses: flood.byStatus, latency: floodLatency } } : {}),
    };
  } finally {
    await topology.stop().catch(() => {});
    await database.drop().catch(() => {});
    await clearQueuePrefix(options.redisUrl, queuePrefix).catch(() => {});
  }
}

function heapMb(metricsText: string): number {
  return counterValue(metricsText, 'billmitra_nodejs_heap_size_used_bytes') / 1024 / 1024;
}

function watchBacklog(database: BenchDatabase, idPrefix: string, limit: number) {
  let exceeded = false;
  const timer = setInterval(async () => {
    const { rows } = await database.pool
      .query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbound_messages WHERE message_id LIKE $1 AND status = 'received'`,
        [`${idPrefix}-%`],
      )
      .catch(() => ({ rows: [] as Array<{ n: number }> }));
    if ((rows[0]?.n ?? 0) > limit) exceeded = true;
  }, 2_000);
  return { exceeded: () => exceeded, stop: () => clearInterval(timer) };
}

/** Waits until every message in the run's database is processed and its replies sent (or time is up). */
async function waitForAnswers(database: BenchDatabase, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The run's database is its own and the warm-up is drained before, so every open row is the run's: two
    // counts over the partial indexes of unprocessed messages and unsent replies. The earlier form tested
    // each message of the run for a queued reply and, planned on the seed's statistics, took 0.6-0.8 s of
    // PostgreSQL CPU a poll at 20,000 messages, competing with the app it waited for and counted in its CPU.
    const { rows } = await database.pool.query<{ open: number }>(
      `SELECT (SELECT count(*) FROM inbound_messages WHERE status = 'received')::int
            + (SELECT count(*) FROM outbound_messages WHERE status = 'queued')::int AS open`,
    );
    if ((rows[0]?.open ?? 0) === 0 || Date.now() > deadline) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}
