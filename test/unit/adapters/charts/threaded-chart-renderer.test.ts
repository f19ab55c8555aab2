import { readdirSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChartRequest,
  createInProcessChartRenderer,
} from '../../../../src/adapters/charts/chart-renderer.js';
import { CHART_THREAD_NICE } from '../../../../src/adapters/charts/chart-thread-messages.js';
import { spawnChartThread } from '../../../../src/adapters/charts/spawn-chart-thread.js';
import { createChartRenderer } from '../../../../src/adapters/charts/threaded-chart-renderer.js';
import { WEEK_REVENUE } from './week-fixture.js';

// The same charts drawn in chart threads and on the calling thread: the bytes must not differ.

const WEEK_EN: ChartRequest = {
  kind: 'sales',
  input: { days: WEEK_REVENUE, title: 'This week', lang: 'en' },
};
const WEEK_HI: ChartRequest = {
  kind: 'sales',
  input: { days: WEEK_REVENUE, title: 'इस हफ़्ते की बिक्री', lang: 'hi' },
};

describe('chart threads', () => {
  const started: Worker[] = [];
  const renderer = createChartRenderer({
    threads: 2,
    spawn: () => {
      const worker = spawnChartThread();
      started.push(worker);
      return worker;
    },
  });
  const inProcess = createInProcessChartRenderer();
  afterAll(() => renderer.close());

  it('draws English and Devanagari report charts byte for byte as the calling thread does', async () => {
    for (const request of [WEEK_EN, WEEK_HI]) {
      const threaded = await renderer.png(request);
      expect(threaded.subarray(1, 4).toString()).toBe('PNG');
      expect(threaded.equals(await inProcess.png(request))).toBe(true);
    }
  }, 60_000);

  it('answers every one of many concurrent charts, each with its own PNG, on the two threads asked', async () => {
    const requests: ChartRequest[] = Array.from({ length: 8 }, (_, i) => ({
      kind: 'sales',
      input: { days: WEEK_REVENUE.slice(0, 7 - (i % 4)), title: `Week ${i}`, lang: i % 2 ? 'hi' : 'en' },
    }));
    const pngs = await Promise.all(requests.map((request) => renderer.png(request)));
    for (const [i, png] of pngs.entries()) expect(png.equals(await inProcess.png(requests[i]!))).toBe(true);
    expect(new Set(pngs.map((png) => png.toString('base64'))).size).toBe(requests.length);
    // The first thread was idle, so it took the first chart; the second chart found it busy.
    expect(started.length).toBe(2);
  }, 60_000);

  it('fails only the chart that throws in its thread; the thread goes on drawing', async () => {
    const threads = started.length;
    const broken = { kind: 'sales', input: { title: 'no days', lang: 'en' } } as unknown as ChartRequest;
    await expect(renderer.png(broken)).rejects.toThrow(/chart render failed in its thread/);
    expect((await renderer.png(WEEK_EN)).equals(await inProcess.png(WEEK_EN))).toBe(true);
    expect(started.length).toBe(threads);
  }, 60_000);
});

describe('warming the chart thread', () => {
  it('starts the thread and loads the chart libraries before the first report asks', async () => {
    let spawned = 0;
    const renderer = createChartRenderer({
      spawn: () => {
        spawned += 1;
        return spawnChartThread();
      },
    });
    try {
      await renderer.warm();
      expect(spawned).toBe(1);
      const png = await renderer.png(WEEK_HI);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(spawned).toBe(1);
    } finally {
      await renderer.close();
    }
  }, 60_000);
});

/** Nice values of this process's threads by thread id, from /proc (field 19 of each task's stat). */
function threadNiceValues(): Map<number, number> {
  const nice = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    nice.set(Number(tid), Number(fields[16]));
  }
  return nice;
}

describe.runIf(process.platform === 'linux')('the chart thread steps back when the cores are busy', () => {
  it('runs at a lower priority than the main thread, which keeps its own', async () => {
    const before = threadNiceValues();
    const renderer = createChartRenderer();
    try {
      await renderer.warm();
      const lowered = [...threadNiceValues()].filter(
        ([tid, nice]) => !before.has(tid) && nice === CHART_THREAD_NICE,
      );
      expect(lowered.length).toBeGreaterThanOrEqual(1);
      expect(threadNiceValues().get(process.pid)).toBe(before.get(process.pid));
    } finally {
      await renderer.close();
    }
  }, 60_000);
});
