import { randomBytes } from 'node:crypto';
import {
  type AppProcess,
  freePort,
  spawnApp,
  stopApp,
  waitUntil,
} from '../../bench/pipeline/app-processes.js';
import { type BenchDatabase, createBenchDatabase } from '../../bench/pipeline/bench-database.js';
import { clearQueuePrefix, workerCount } from '../../bench/pipeline/topology.js';
import { describeTotals, type LedgerTotals, ledgerTotals, totalsAgree } from './ledger-totals.js';
import { SALE_LINES, SALE_UNITS, type TrafficTally } from './traffic.js';

// One web process and worker processes (real `billmitra start --role ...` children) on a fresh database
// and queue prefix: the shape a fault strikes. Workers can be killed and started again at will.

export interface FaultStackOptions {
  redisUrl: string;
  /** Superuser URL of the PostgreSQL server to create the database on (default: the local server). */
  adminUrl?: string;
  shops?: number;
  workerConcurrency?: number;
  env?: Record<string, string>;
}

export interface FaultStack {
  database: BenchDatabase;
  port: number;
  queuePrefix: string;
  web: AppProcess;
  workers: AppProcess[];
  shops: number;
  /** A worker process; with `metricsPort` it serves HTTP too, so its /metrics can be read. */
  startWorker(options?: { metricsPort?: number }): Promise<AppProcess>;
  killWorker(worker: AppProcess, signal?: NodeJS.Signals): Promise<void>;
  /** Waits until every accepted message of the run is processed and answered, or the time is up. */
  settle(idPrefix: string, timeoutMs: number): Promise<boolean>;
  totals(idPrefix: string, tally: TrafficTally): Promise<LedgerTotals>;
  stop(): Promise<void>;
}

export async function startFaultStack(options: FaultStackOptions): Promise<FaultStack> {
  const shops = options.shops ?? 10;
  const database = await createBenchDatabase({
    shops,
    ...(options.adminUrl ? { adminUrl: options.adminUrl } : {}),
  });
  const queuePrefix = `bmfault_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: queuePrefix,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    WORKER_CONCURRENCY: String(options.workerConcurrency ?? 4),
    ...options.env,
  };
  const web = spawnApp('web', { ...env, PORT: String(port) }, 'web');
  const workers: AppProcess[] = [];
  const stack: FaultStack = {
    database,
    port,
    queuePrefix,
    web,
    workers,
    shops,
    async startWorker(workerOptions = {}) {
      const before = await workerCount(options.redisUrl, queuePrefix).catch(() => 0);
      const label = `worker-${workers.length + 1}`;
      const worker = workerOptions.metricsPort
        ? spawnApp(label, { ...env, PORT: String(workerOptions.metricsPort) }, 'worker,web')
        : spawnApp(label, { ...env, PORT: '0' }, 'worker');
      workers.push(worker);
      await waitUntil(
        async () => {
          if (worker.child.exitCode !== null) throw new Error(`worker exited:\n${worker.output()}`);
          return (await workerCount(options.redisUrl, queuePrefix)) > before;
        },
        60_000,
        'a worker to connect',
      );
      return worker;
    },
    async killWorker(worker, signal = 'SIGKILL') {
      worker.child.kill(signal);
      await worker.exited;
    },
    async settle(idPrefix, timeoutMs) {
      try {
        await waitUntil(
          async () => {
            const { rows } = await database.pool.query<{ open: number }>(
              `SELECT count(*)::int AS open FROM inbound_messages i WHERE i.message_id LIKE $1
                 AND (i.status = 'received' OR NOT EXISTS (SELECT 1 FROM outbound_messages o
                      WHERE o.inbound_message_id = i.id AND o.status = 'sent'))`,
              [`${idPrefix}-%`],
            );
            return rows[0]?.open === 0;
          },
          timeoutMs,
          'every accepted message answered',
        );
        return true;
      } catch {
        return false;
      }
    },
    async totals(idPrefix, tally) {
      return ledgerTotals(database.pool, {
        idPrefix,
        sent: tally.sent,
        accepted: tally.accepted,
        unitsPerMessage: SALE_UNITS,
        linesPerMessage: SALE_LINES,
      });
    },
    async stop() {
      await Promise.all([web, ...workers].map((app) => stopApp(app, 20_000).catch(() => null)));
      await database.drop().catch(() => {});
      await clearQueuePrefix(options.redisUrl, queuePrefix).catch(() => {});
    },
  };
  try {
    await waitUntil(
      async () => {
        if (web.child.exitCode !== null) throw new Error(`web exited:\n${web.output()}`);
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      },
      60_000,
      'the web process',
    );
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

export interface FaultResult {
  name: string;
  pass: boolean;
  checks: Array<{ what: string; ok: boolean }>;
  totals?: LedgerTotals;
}

export function verdict(
  name: string,
  checks: Array<{ what: string; ok: boolean }>,
  totals?: LedgerTotals,
): FaultResult {
  const all = totals
    ? [...checks, { what: `totals agree (${describeTotals(totals)})`, ok: totalsAgree(totals) }]
    : checks;
  return { name, pass: all.every((check) => check.ok), checks: all, ...(totals ? { totals } : {}) };
}

export function newIdPrefix(label: string): string {
  return `${label}${randomBytes(3).toString('hex')}`;
}
