import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ChartRequest } from '../../../../src/adapters/charts/chart-renderer.js';
import { spawnChartThread } from '../../../../src/adapters/charts/spawn-chart-thread.js';
import { createChartRenderer } from '../../../../src/adapters/charts/threaded-chart-renderer.js';
import { WEEK_REVENUE } from './week-fixture.js';

// A chart thread that dies, never starts or gets stuck must fail the renders waiting on it (the inbound
// job then fails and is retried), and the next chart must get a fresh thread.

const WEEK: ChartRequest = { kind: 'sales', input: { days: WEEK_REVENUE, title: 'This week', lang: 'en' } };

/** Spawns the given threads in turn, then real chart threads; remembers every thread it started. */
function spawner(...first: Array<() => Worker>) {
  const started: Worker[] = [];
  return {
    started,
    spawn() {
      const worker = (first.shift() ?? spawnChartThread)();
      started.push(worker);
      return worker;
    },
  };
}

const run = promisify(execFile);

describe('chart thread failures', () => {
  it('rejects a chart whose thread is terminated, and draws the next one on a new thread', async () => {
    const threads = spawner();
    const renderer = createChartRenderer({ spawn: threads.spawn });
    const rejected = expect(renderer.png(WEEK)).rejects.toThrow(/chart thread exited/);
    await threads.started[0]!.terminate();
    await rejected;
    expect((await renderer.png(WEEK)).subarray(1, 4).toString()).toBe('PNG');
    expect(threads.started).toHaveLength(2);
    await renderer.close();
  }, 60_000);

  it('rejects with the thread’s own error when it crashes, then recovers', async () => {
    const threads = spawner(() => new Worker('throw new Error("font file gone")', { eval: true }));
    const renderer = createChartRenderer({ spawn: threads.spawn });
    await expect(renderer.png(WEEK)).rejects.toThrow('chart thread crashed: font file gone');
    expect((await renderer.png(WEEK)).subarray(1, 4).toString()).toBe('PNG');
    await renderer.close();
  }, 60_000);

  it('stops a thread that does not answer within the render timeout', async () => {
    const silent = () =>
      new Worker("require('node:worker_threads').parentPort.on('message', () => {})", { eval: true });
    const threads = spawner(silent);
    const renderer = createChartRenderer({ spawn: threads.spawn, renderTimeoutMs: 300 });
    await expect(renderer.png(WEEK)).rejects.toThrow('chart thread stopped: a chart took over 300 ms');
    await renderer.close();
  });

  it('rejects charts waiting at close and any asked after it', async () => {
    const renderer = createChartRenderer();
    const rejected = expect(renderer.png(WEEK)).rejects.toThrow(
      'chart thread stopped: the chart renderer closed',
    );
    await renderer.close();
    await rejected;
    await expect(renderer.png(WEEK)).rejects.toThrow('the chart renderer is closed');
  });

  it.each(['close', 'idle'])(
    'lets a process that drew a chart exit (%s)',
    async (mode) => {
      const script = fileURLToPath(new URL('./render-then-exit.ts', import.meta.url));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, mode], { timeout: 50_000 });
      expect(stdout).toMatch(/^drew \d+ bytes$/m);
    },
    60_000,
  );
});
