import type { ChartRequest } from '../../../src/adapters/charts/chart-renderer.js';
import { createChartRenderer } from '../../../src/adapters/charts/threaded-chart-renderer.js';

// Resident memory while one chart thread works through a backlog, as behind a burst of reports: the
// outbound jobs keep `inFlight` charts posted at once. Before charts were drawn one per loop turn (see
// one-per-loop-turn.ts) every chart of a backlog kept its ~1.6 MB of native memory until the backlog ended.

export async function printBacklogMemory(options: {
  charts: number;
  inFlight: number;
  request: (index: number) => ChartRequest;
}): Promise<void> {
  const renderer = createChartRenderer();
  await renderer.warm();
  const rssMb = () => process.memoryUsage().rss / 1024 / 1024;
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 50);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < options.charts) await renderer.png(options.request(next++));
  };
  await Promise.all(Array.from({ length: options.inFlight }, lane));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb());
  await renderer.close();
  console.log(
    `\nbacklog of ${options.charts} charts, ${options.inFlight} posted at a time, one chart thread: ` +
      `${(options.charts / seconds).toFixed(0)} charts/s, resident memory ${before.toFixed(0)} MB -> peak ` +
      `${peak.toFixed(0)} MB (+${(peak - before).toFixed(0)} MB; a backlog's native memory kept would add ~1.6 MB a chart)`,
  );
}
