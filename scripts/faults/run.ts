import { parseArgs } from 'node:util';
import { postgresRestartFault } from './postgres-restart.js';
import { redisOutageFault } from './redis-outage.js';
import type { FaultResult } from './support/fault-stack.js';
import { describeTotals } from './support/ledger-totals.js';
import { workerKillFault } from './worker-kill.js';

// npm run faults [-- --only name,name]: the disruptive faults, each against its own database, queue prefix
// and (where the fault restarts a server) a private Redis or PostgreSQL. Prints PASS/FAIL per fault and
// its totals; exits 1 if any fails. The shared PostgreSQL and Redis are never stopped.

const FAULTS: Record<string, () => Promise<FaultResult>> = {
  'worker-kill-before-commit': () => workerKillFault('before-commit'),
  'worker-kill-after-commit': () => workerKillFault('after-commit'),
  'worker-kill-after-commit-on-record': () => workerKillFault('after-commit-on-record'),
  'redis-outage': () => redisOutageFault(),
  'postgres-restart': () => postgresRestartFault(),
};

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const names = values.only ? values.only.split(',') : Object.keys(FAULTS);
let failed = 0;
for (const name of names) {
  const fault = FAULTS[name];
  if (!fault) throw new Error(`unknown fault ${name} (known: ${Object.keys(FAULTS).join(', ')})`);
  const started = Date.now();
  let result: FaultResult;
  try {
    result = await fault();
  } catch (error) {
    result = {
      name,
      pass: false,
      checks: [{ what: `ran to the end: ${(error as Error).message}`, ok: false }],
    };
  }
  if (!result.pass) failed += 1;
  console.log(
    `${result.pass ? 'PASS' : 'FAIL'} ${result.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  for (const check of result.checks) console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.what}`);
  if (result.totals) console.log(`  totals: ${describeTotals(result.totals)}`);
}
console.log(
  failed === 0 ? `all ${names.length} faults passed` : `${failed} of ${names.length} faults failed`,
);
process.exit(failed === 0 ? 0 : 1);
