import type { Worker } from 'node:worker_threads';
import { type ChartRenderer, WARM_UP_CHART } from './chart-renderer.js';
import { type ChartThread, runChartThread } from './chart-thread-client.js';
import { spawnChartThread } from './spawn-chart-thread.js';

// A chart is ~20 ms of synchronous CPU (echarts, HarfBuzz, resvg). On the main thread it blocks every
// other message the worker process is handling; in a worker thread the main thread only posts the
// request and receives the PNG, and the chart can run on another core.

export interface ChartRendererOptions {
  /** Chart threads at most (default 1). A thread starts on first use, another only when all are busy. */
  threads?: number;
  /**
   * A render not answered within this stops its thread, failing the renders queued on it, so a stuck
   * thread cannot hold inbound jobs (they fail and are retried). Default 15 s; a chart takes ~20 ms.
   */
  renderTimeoutMs?: number;
  /** How a chart thread starts; tests pass their own. */
  spawn?: () => Worker;
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const spawn = options.spawn ?? spawnChartThread;
  const renderTimeoutMs = options.renderTimeoutMs ?? 15_000;
  const slots: Array<ChartThread | undefined> = Array.from({ length: Math.max(1, options.threads ?? 1) });
  let closed = false;

  /** The least busy running thread, or a new one in a free slot when every running thread is busy. */
  function threadForNextChart(): ChartThread {
    let best: ChartThread | undefined;
    let free = -1;
    for (const [index, thread] of slots.entries()) {
      if (!thread?.running) free = free < 0 ? index : free;
      else if (!best || thread.pending < best.pending) best = thread;
    }
    if (best && (best.pending === 0 || free < 0)) return best;
    const started = runChartThread(spawn(), { renderTimeoutMs });
    slots[free] = started;
    return started;
  }

  const png: ChartRenderer['png'] = async (request) => {
    if (closed) throw new Error('the chart renderer is closed');
    return threadForNextChart().png(request);
  };
  return {
    png,
    async warm() {
      // Closing while the warm-up chart is drawn is a normal stop, not a failure to report.
      await png(WARM_UP_CHART).catch((error: unknown) => {
        if (!closed) throw error;
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((thread) => thread?.stop('the chart renderer closed')));
      slots.fill(undefined);
    },
  };
}
