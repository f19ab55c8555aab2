import { parseArgs } from 'node:util';
import {
  createBenchDatabase,
  dropDatabase,
  releaseForTemplate,
  serverAutovacuums,
} from './pipeline/bench-database.js';
import { createDefaultMatcherTiming } from './pipeline/parse-timing.js';
import { parseTransportChoice, postgresTransport } from './pipeline/postgres-transport.js';
import { describeRun, summaryTable } from './pipeline/report.js';
import { runScenario, type ScenarioResult } from './pipeline/run-scenario.js';
import type { TopologyName } from './pipeline/topology.js';

// npm run bench:pipeline -- [--rate 200,1000] [--seconds 30 | --minutes 10] [--topology both|single|scaled]
//   [--runs 3] [--shops 1000] [--concurrency 16] [--transactions 4] [--batch 32] [--pool-size 20] [--warmup 5]
//   [--flood 40] [--postgres auto|socket|tcp]
// Posts simulator messages from --shops shops at a fixed rate to real `billmitra start` processes on
// loopback, then reads latency, throughput and integrity from the run's own database. Each run gets a
// fresh copy of a seeded database and a fresh queue prefix on the local PostgreSQL and Redis. Where the
// server has pg_stat_statements in shared_preload_libraries, each run also lists the statements that took
// PostgreSQL the most time (pipeline/statement-stats.ts). --postgres: how the app reaches the local
// server; auto (the default) takes its Unix socket where there is one (pipeline/postgres-transport.ts).

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '30' },
    minutes: { type: 'string' },
    topology: { type: 'string', default: 'both' },
    runs: { type: 'string', default: '1' },
    shops: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '16' },
    transactions: { type: 'string', default: '4' },
    batch: { type: 'string', default: '32' },
    'pool-size': { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    flood: { type: 'string', default: '0' },
    postgres: { type: 'string', default: 'auto' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379' },
  },
});

const rates = values.rate.split(',').map(Number);
const durationMs = values.minutes ? Number(values.minutes) * 60_000 : Number(values.seconds) * 1000;
const topologies: TopologyName[] =
  values.topology === 'both' ? ['single', 'scaled'] : [values.topology as TopologyName];
const shops = Number(values.shops);
const runs = Number(values.runs);
const log = (line: string) => process.stderr.write(`${line}\n`);
const postgres = postgresTransport(parseTransportChoice(values.postgres));
console.log(postgres.description);

const parse = createDefaultMatcherTiming(2_000);
console.log(
  `parse only (in-process, default catalog, ${parse.messages} mix messages): median ${parse.medianUs.toFixed(0)} µs, ` +
    `p99 ${parse.p99Us.toFixed(0)} µs per message`,
);

if (!(await serverAutovacuums(postgres.adminUrl))) {
  // Seen on the development machine (its PostgreSQL has autovacuum off for the tests): ten minutes at 200
  // msg/s fell minutes behind with it off and kept up with it on.
  console.log(
    'note: autovacuum is off on this PostgreSQL; the run tables bloat and keep their first statistics, so runs of minutes degrade as no production server would',
  );
}

log(`seeding ${shops} shops`);
const seedStarted = Date.now();
const seed = await createBenchDatabase({ shops, adminUrl: postgres.adminUrl });
await releaseForTemplate(seed);
log(`  seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

const results: ScenarioResult[] = [];
try {
  for (let run = 1; run <= runs; run++) {
    for (const rate of rates) {
      for (const topology of topologies) {
        log(`run ${run}/${runs}: ${topology} at ${rate}/s for ${durationMs / 1000} s`);
        const result = await runScenario({
          topology,
          ratePerSecond: rate,
          durationMs,
          shops,
          template: seed.name,
          postgresAdminUrl: postgres.adminUrl,
          redisUrl: values['redis-url'],
          warmupSeconds: Number(values.warmup),
          floodPerSecond: Number(values.flood),
          env: {
            WORKER_CONCURRENCY: values.concurrency,
            INBOUND_TRANSACTIONS: values.transactions,
            INBOUND_BATCH_SIZE: values.batch,
            DATABASE_POOL_SIZE: values['pool-size'],
          },
          log,
        });
        results.push(result);
        console.log(describeRun(result));
      }
    }
  }
} finally {
  await dropDatabase(seed.name, postgres.adminUrl).catch(() => {});
}
console.log(`\n${summaryTable(results)}`);
