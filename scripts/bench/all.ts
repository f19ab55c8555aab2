// `npm run bench`: every benchmark once, in a size that finishes in minutes on a 2-core machine, each in its
// own process so one's memory does not colour the next. Run a single one (npm run bench:<name>) for the
// full-size figures each issue asks for.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { packagePath } from '../../src/package-path.js';

interface Bench {
  name: string;
  script: string;
  args: string[];
  needs?: string;
}

const M5 = packagePath('..', 'shared', 'data', 'm5');

const BENCHES: Bench[] = [
  { name: 'parse', script: 'parse.ts', args: [] },
  { name: 'price', script: 'price.ts', args: [] },
  { name: 'overview', script: 'overview.ts', args: [] },
  { name: 'charts', script: 'charts.ts', args: ['--runs', '3'] },
  { name: 'nightly', script: 'nightly.ts', args: ['--runs', '1'] },
  { name: 'forecast', script: 'forecast.ts', args: ['--windows', '1', '--no-events-table'], needs: M5 },
  {
    name: 'pipeline',
    script: 'pipeline.ts',
    args: ['--rate', '20', '--seconds', '15', '--topology', 'single'],
  },
];

const only = process.argv.slice(2);
const results: Array<{ name: string; status: string; seconds: number }> = [];
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  if (bench.needs && !existsSync(bench.needs)) {
    results.push({ name: bench.name, status: `skipped (${bench.needs} not found)`, seconds: 0 });
    continue;
  }
  process.stdout.write(`\n=== bench:${bench.name} ${bench.args.join(' ')}\n`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', packagePath('scripts', 'bench', bench.script), ...bench.args],
    {
      stdio: 'inherit',
      cwd: packagePath(),
    },
  );
  results.push({
    name: bench.name,
    status: run.status === 0 ? 'ok' : `failed (exit ${run.status ?? run.signal})`,
    seconds: (performance.now() - started) / 1000,
  });
}
process.stdout.write('\n=== summary\n');
for (const result of results) {
  process.stdout.write(
    `${result.name.padEnd(10)} ${result.status.padEnd(40)} ${result.seconds.toFixed(1)} s\n`,
  );
}
process.exitCode = results.some((result) => result.status.startsWith('failed')) ? 1 : 0;
