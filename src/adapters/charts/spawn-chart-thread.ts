import { Worker } from 'node:worker_threads';

// Run from dist/, the thread's entry is chart-thread.js, plain Node. Run from the sources (vitest, tsx),
// it is chart-thread.ts, which Node cannot load alone, and a thread inherits no module hooks from the
// main thread. `--import tsx` in the thread's execArgv does not help either: on Node 20 tsx registers its
// hooks on the main thread only. So a small bootstrap registers tsx in the thread, then loads the entry.
const SOURCE = import.meta.url.endsWith('.ts');

function tsxBootstrap(entry: URL): string {
  // Resolved from this module, not from the working directory, which may be anywhere.
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** Starts one chart thread (see chart-thread.ts). */
export function spawnChartThread(): Worker {
  if (!SOURCE) return new Worker(new URL('./chart-thread.js', import.meta.url), { name: 'chart' });
  return new Worker(tsxBootstrap(new URL('./chart-thread.ts', import.meta.url)), {
    eval: true,
    name: 'chart',
  });
}
