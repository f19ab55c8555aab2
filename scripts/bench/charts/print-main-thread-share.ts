import type { ChartRequest } from '../../../src/adapters/charts/chart-renderer.js';
import { medianSample, RENDERERS, type Sample, sampleMainThread } from './main-thread-share.js';

// The main thread's share of report charts, drawn on it or in chart threads: medians over `runs` runs.

/**
 * The bench:pipeline load: 200 msg/s, 15% of them report questions, 15 of the corpus's 29 report
 * questions weekly or monthly (the ones with a chart).
 */
const CHARTS_PER_SECOND = 15;

export async function printMainThreadShare(options: {
  runs: number;
  requests: (run: number) => ChartRequest[];
}): Promise<void> {
  const renderers = RENDERERS.map((entry) => ({
    ...entry,
    renderer: entry.create(),
    samples: [] as Sample[],
  }));
  // Warm-up: threads started (both, for x2), modules and fonts loaded, as in a worker that drew a chart.
  for (const { renderer } of renderers)
    await Promise.all(options.requests(-1).map((request) => renderer.png(request)));
  for (let run = 0; run < options.runs; run++)
    for (const { renderer, samples } of renderers)
      samples.push(await sampleMainThread(renderer, options.requests(run)));
  await Promise.all(renderers.map(({ renderer }) => renderer.close()));

  const count = options.requests(0).length;
  console.log(`\nmain thread per chart: ${count} charts per run, medians over ${options.runs} runs`);
  console.log(
    `mode        one by one: main busy/chart  longest stall | ${count} at once: wall  main busy/chart`,
  );
  const ms = (n: number, width: number) => `${n.toFixed(2).padStart(width)} ms`;
  const busy = new Map<string, number>();
  for (const { name, samples } of renderers) {
    const m = medianSample(samples);
    busy.set(name, m.busy);
    console.log(
      `${name.padEnd(11)} ${ms(m.busy, 24)} ${ms(m.stall, 11)} | ${ms(m.wallAtOnce, 15)} ${ms(m.busyAtOnce, 13)}`,
    );
  }
  const share = (name: string) => `${(((busy.get(name) ?? 0) * CHARTS_PER_SECOND) / 10).toFixed(1)}%`;
  console.log(
    `at ${CHARTS_PER_SECOND} charts/s (bench:pipeline's 200 msg/s) charts keep the main thread busy ` +
      `${share('in-process')} in-process, ${share('thread x1')} with one chart thread`,
  );
}
