import { waitUntil } from '../bench/pipeline/app-processes.js';
import { type FaultResult, newIdPrefix, startFaultStack, verdict } from './support/fault-stack.js';
import { startPrivateRedis } from './support/private-redis.js';
import { newTally, postSale, record } from './support/traffic.js';

// Redis killed (kill -9, AOF on) and kept away longer than a worker's job lock (30 s), while messages keep
// arriving; then started again on the same port and data. While it is down the simulator must refuse
// quickly (503, nothing half-accepted) and /readyz must be red; after it is back the workers must resume
// on their own and answer every accepted message once within 60 s.

const OUTAGE_MS = 35_000;
const RATE_PER_SECOND = 10;

export async function redisOutageFault(): Promise<FaultResult> {
  const redis = await startPrivateRedis();
  const stack = await startFaultStack({ redisUrl: redis.url, workerConcurrency: 4 });
  try {
    await stack.startWorker();
    await stack.startWorker();
    const idPrefix = newIdPrefix('ro');
    const tally = newTally();
    let posting = true;
    const traffic = (async () => {
      while (posting) {
        const index = tally.next++;
        void postSale(stack.port, index, idPrefix, stack.shops).then((outcome) => record(tally, outcome));
        await new Promise((resolveWait) => setTimeout(resolveWait, 1000 / RATE_PER_SECOND));
      }
    })();
    await new Promise((resolveWait) => setTimeout(resolveWait, 5_000));
    const acceptedBefore = tally.accepted;

    await redis.kill('SIGKILL');
    const downAt = Date.now();
    const refusalsBefore = tally.sent - tally.accepted;
    let readyRedDuringOutage = false;
    let acceptedDuringOutage = -1;
    await waitUntil(
      async () => {
        const ready = await fetch(`http://127.0.0.1:${stack.port}/readyz`).catch(() => undefined);
        if (ready && ready.status === 503) readyRedDuringOutage = true;
        return Date.now() - downAt > OUTAGE_MS;
      },
      OUTAGE_MS + 10_000,
      'the outage to last',
    );
    // Counted only after the first seconds: requests already past the queue write may still finish.
    acceptedDuringOutage = tally.accepted;
    const refusedDuringOutage = tally.sent - tally.accepted - refusalsBefore;

    await redis.start();
    const upAt = Date.now();
    await new Promise((resolveWait) => setTimeout(resolveWait, 5_000));
    posting = false;
    await traffic;
    await waitUntil(async () => tally.sent === tally.next, 15_000, 'the last requests to finish');

    const settled = await stack.settle(idPrefix, 60_000);
    const resumedWithinMs = Date.now() - upAt;
    const readyAfter = await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${stack.port}/readyz`)).ok,
      30_000,
      '/readyz green again',
    ).then(
      () => true,
      () => false,
    );
    const rows = (
      await stack.database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbound_messages WHERE message_id LIKE $1`,
        [`${idPrefix}-%`],
      )
    ).rows[0]?.n;
    const totals = await stack.totals(idPrefix, tally);
    return verdict(
      'redis killed and away 35 s, restarted from AOF',
      [
        { what: `messages accepted before the outage (${acceptedBefore})`, ok: acceptedBefore > 0 },
        {
          what: `refused while down (${refusedDuringOutage} refused, slowest refusal ${tally.slowestRefusalMs.toFixed(0)} ms, statuses ${JSON.stringify(tally.statuses)})`,
          ok: refusedDuringOutage > 0 && tally.slowestRefusalMs < 5_000 && (tally.statuses['0'] ?? 0) === 0,
        },
        {
          what: 'accepted nothing while down',
          ok: acceptedDuringOutage - acceptedBefore <= RATE_PER_SECOND / 2,
        },
        { what: '/readyz red during the outage', ok: readyRedDuringOutage },
        {
          what: `nothing half-accepted (${rows} rows for ${tally.accepted} accepted)`,
          ok: rows === tally.accepted,
        },
        {
          what: `workers resumed and answered everything within 60 s (${(resumedWithinMs / 1000).toFixed(1)} s)`,
          ok: settled,
        },
        { what: '/readyz green after', ok: readyAfter },
      ],
      totals,
    );
  } finally {
    await stack.stop();
    await redis.stop();
  }
}
