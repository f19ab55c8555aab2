import { parentPort } from 'node:worker_threads';
import {
  CHART_THREAD_NICE,
  type ChartThreadReply,
  type ChartThreadRequest,
} from './chart-thread-messages.js';
import { onePerLoopTurn } from './one-per-loop-turn.js';
import { renderChartPng } from './render-charts.js';
import { lowerThisThreadPriority } from './thread-priority.js';

// A chart thread's entry point (see threaded-chart-renderer.ts): echarts, HarfBuzz and resvg load here,
// once per thread, and each chart's ~20 ms of CPU is spent here instead of on the main thread.

/** The PNG's bytes in an ArrayBuffer of their own, so transferring it moves exactly the PNG. */
function ownArrayBuffer(png: Buffer): ArrayBuffer {
  if (png.byteOffset === 0 && png.byteLength === png.buffer.byteLength && png.buffer instanceof ArrayBuffer)
    return png.buffer;
  const copy = new ArrayBuffer(png.byteLength);
  new Uint8Array(copy).set(png);
  return copy;
}

if (!parentPort) throw new Error('chart-thread.ts runs as a worker thread, not as a script');
const port = parentPort;
lowerThisThreadPriority(CHART_THREAD_NICE);

async function drawAndReply({ id, request }: ChartThreadRequest): Promise<void> {
  let reply: ChartThreadReply;
  try {
    const png = ownArrayBuffer(await renderChartPng(request));
    reply = { id, png };
    port.postMessage(reply, [png]);
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
}

// Drawn one per loop turn, not in the message handler: see one-per-loop-turn.ts.
port.on('message', onePerLoopTurn(drawAndReply));
