import { setImmediate as nextTurn } from 'node:timers/promises';
import { median } from 'simple-statistics';
import {
  type ChartRenderer,
  type ChartRequest,
  createInProcessChartRenderer,
} from '../../../src/adapters/charts/chart-renderer.js';
import { createChartRenderer } from '../../../src/adapters/charts/threaded-chart-renderer.js';

// How much of the main thread a report chart takes when drawn on it (as the report handler did) and when
// drawn in chart threads. Node's process CPU is not per thread, so the main thread's share is its event
// loop's active time (performance.eventLoopUtilization), and the longest stretch the loop could not run
// anything else: how long another message waits behind a chart.

/** The longest gap between ticks of a 1 ms interval, the stretch still running when stopped included. */
function stallMeter(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(tick);
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Charts asked one after another, with a turn of the event loop between them as a busy worker has. */
async function oneByOne(renderer: ChartRenderer, requests: ChartRequest[]): Promise<void> {
  for (const request of requests) {
    await renderer.png(request);
    await nextTurn();
  }
}

async function loopActiveMs(work: () => Promise<unknown>): Promise<{ active: number; wall: number }> {
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  return { active: performance.eventLoopUtilization(loop).active, wall: performance.now() - started };
}

export interface Sample {
  /** Event-loop active ms per chart, charts one by one (no stall meter running: its ticks count too). */
  busy: number;
  /** The longest event-loop stall, ms, charts one by one. */
  stall: number;
  /** All charts asked at once: wall ms, and event-loop active ms per chart meanwhile. */
  wallAtOnce: number;
  busyAtOnce: number;
}

export async function sampleMainThread(renderer: ChartRenderer, requests: ChartRequest[]): Promise<Sample> {
  const alone = await loopActiveMs(() => oneByOne(renderer, requests));
  const meter = stallMeter();
  await oneByOne(renderer, requests);
  const stall = meter.stop();
  const atOnce = await loopActiveMs(() => Promise.all(requests.map((request) => renderer.png(request))));
  return {
    busy: alone.active / requests.length,
    stall,
    wallAtOnce: atOnce.wall,
    busyAtOnce: atOnce.active / requests.length,
  };
}

export const RENDERERS: Array<{ name: string; create: () => ChartRenderer }> = [
  { name: 'in-process', create: createInProcessChartRenderer },
  { name: 'thread x1', create: () => createChartRenderer({ threads: 1 }) },
  { name: 'thread x2', create: () => createChartRenderer({ threads: 2 }) },
];

export function medianSample(samples: Sample[]): Sample {
  const m = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  return { busy: m('busy'), stall: m('stall'), wallAtOnce: m('wallAtOnce'), busyAtOnce: m('busyAtOnce') };
}
