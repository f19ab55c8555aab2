import { freePort, waitUntil } from '../bench/pipeline/app-processes.js';
import { counterValue } from '../bench/pipeline/measure.js';
import { type FaultResult, newIdPrefix, startFaultStack, verdict } from './support/fault-stack.js';
import { startPrivatePostgres } from './support/private-postgres.js';
import { closeSalesGate, installSalesGate } from './support/sales-gate.js';
import { newTally, postSales } from './support/traffic.js';

// A private PostgreSQL restarted (pg_ctl restart -m fast) while sale transactions are open at the sales
// gate: every open transaction is cut off mid-way. No partial sale may survive; the jobs fail, retry with
// backoff and succeed (or, if PostgreSQL stayed away, land in the failed set), and the failures show in
// the worker's /metrics.

const MESSAGES = 20;

export async function postgresRestartFault(): Promise<FaultResult> {
  const postgres = await startPrivatePostgres();
  const stack = await startFaultStack({
    redisUrl: process.env.FAULTS_REDIS_URL ?? 'redis://127.0.0.1:6379',
    adminUrl: postgres.adminUrl,
    workerConcurrency: 4,
  });
  try {
    await installSalesGate(stack.database.pool);
    const gate = await closeSalesGate(stack.database.url);
    const metricsPort = await freePort();
    const worker = await stack.startWorker({ metricsPort });
    const idPrefix = newIdPrefix('pg');
    const tally = newTally();
    await postSales(stack.port, tally, { count: MESSAGES, idPrefix, shops: stack.shops });
    await waitUntil(async () => (await gate.waiting()) >= 2, 30_000, 'jobs waiting at the sales gate');

    await postgres.restart('fast');
    await gate.open();
    const committedRightAfter = (
      await stack.database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ledger_entries l JOIN inbound_messages i ON i.id = l.inbound_message_id
         WHERE i.message_id LIKE $1`,
        [`${idPrefix}-%`],
      )
    ).rows[0]?.n;

    const settled = await stack.settle(idPrefix, 90_000);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then(
      (response) => response.text(),
      () => '',
    );
    const workerAlive = worker.child.exitCode === null && worker.child.signalCode === null;
    const retried = counterValue(metrics, 'billmitra_job_failures_total', {
      queue: 'inbound',
      final: 'false',
    });
    const finalFailures = counterValue(metrics, 'billmitra_job_failures_total', {
      queue: 'inbound',
      final: 'true',
    });
    const totals = await stack.totals(idPrefix, tally);
    return verdict(
      'postgres restarted mid-transaction',
      [
        { what: `all ${MESSAGES} accepted`, ok: tally.accepted === MESSAGES },
        {
          what: `the worker survived the restart${workerAlive ? '' : ` (exited ${worker.child.exitCode}: ${lastLines(worker.output())})`}`,
          ok: workerAlive,
        },
        {
          what: `no sale committed by the cut-off transactions (${committedRightAfter})`,
          ok: committedRightAfter === 0,
        },
        {
          what: `failed attempts visible in metrics (retried ${retried}, final ${finalFailures})`,
          ok: retried > 0,
        },
        { what: 'every message recorded and answered after retries', ok: settled },
      ],
      totals,
    );
  } finally {
    await stack.stop();
    await postgres.stop();
  }
}

function lastLines(output: string): string {
  return output.trim().split('\n').slice(-14).join(' | ').slice(0, 2500);
}
