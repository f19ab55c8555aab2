import type { Worker } from 'node:worker_threads';
import type { ChartRequest } from './chart-renderer.js';
import type { ChartThreadReply, ChartThreadRequest } from './chart-thread-messages.js';

// The main thread's side of one chart thread: posts requests, matches replies to them, and rejects every
// waiting render at once when the thread dies, so no inbound job waits on a PNG that will never come.

export interface ChartThread {
  /** Renders posted and not yet answered. */
  readonly pending: number;
  /** False once the thread has crashed, exited or been stopped; a new thread takes its place. */
  readonly running: boolean;
  png(request: ChartRequest): Promise<Buffer>;
  /** Rejects the waiting renders with `reason` and terminates the thread. */
  stop(reason: string): Promise<void>;
}

interface Waiting {
  resolve(png: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export function runChartThread(worker: Worker, options: { renderTimeoutMs: number }): ChartThread {
  const waiting = new Map<number, Waiting>();
  let lastId = 0;
  let running = true;
  // Referenced only while a render waits: an idle chart thread never keeps the process alive, and a
  // script awaiting nothing but a chart is not ended before the chart arrives.
  worker.unref();

  function take(id: number): Waiting | undefined {
    const entry = waiting.get(id);
    if (!entry) return undefined;
    waiting.delete(id);
    clearTimeout(entry.timer);
    if (waiting.size === 0) worker.unref();
    return entry;
  }

  function failAll(error: Error): void {
    running = false;
    for (const id of [...waiting.keys()]) take(id)?.reject(error);
  }

  async function stop(reason: string): Promise<void> {
    failAll(new Error(`chart thread stopped: ${reason}`));
    await worker.terminate();
  }

  worker.on('message', (reply: ChartThreadReply) => {
    const entry = take(reply.id);
    if ('png' in reply) entry?.resolve(Buffer.from(reply.png));
    else entry?.reject(new Error(`chart render failed in its thread: ${reply.error}`));
  });
  worker.on('error', (error) =>
    failAll(new Error(`chart thread crashed: ${error.message}`, { cause: error })),
  );
  worker.on('exit', (code) => failAll(new Error(`chart thread exited with code ${code}`)));
  worker.on('messageerror', (error) => void stop(`a reply could not be read: ${error.message}`));

  return {
    get pending() {
      return waiting.size;
    },
    get running() {
      return running;
    },
    png(request) {
      if (!running) return Promise.reject(new Error('chart thread is not running'));
      const id = ++lastId;
      return new Promise<Buffer>((resolve, reject) => {
        // A thread stuck in one chart would hold every render queued behind it: stop it, a new one starts.
        const timer = setTimeout(
          () => void stop(`a chart took over ${options.renderTimeoutMs} ms`),
          options.renderTimeoutMs,
        );
        waiting.set(id, { resolve, reject, timer });
        if (waiting.size === 1) worker.ref();
        try {
          worker.postMessage({ id, request } satisfies ChartThreadRequest);
        } catch (error) {
          take(id)?.reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    stop,
  };
}
