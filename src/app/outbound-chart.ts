import type { ChartRenderer } from '../adapters/charts/chart-renderer.js';
import { createInProcessChartRenderer } from '../adapters/charts/chart-renderer.js';
import type { OutboundMessageRow } from '../adapters/postgres/repositories/outbound-messages.js';
import { PermanentSendError } from './ports.js';

// A report's chart is drawn by the job that sends it, after the report's text went out. A chart thread
// that crashed or timed out is worth another try (the job backs off and the next chart gets a fresh
// thread); a chart that fails again and again is given up, so it does not hold its chat's queue forever.

export const CHART_ATTEMPTS = 3;

/** The PNG to send with this message: none, the one stored, or its chart drawn now. */
export async function imageToSend(
  message: Pick<OutboundMessageRow, 'chart' | 'imagePng' | 'attempts'>,
  charts: ChartRenderer | undefined,
): Promise<{ png: Buffer | null; drawn: boolean }> {
  if (message.imagePng || !message.chart) return { png: message.imagePng, drawn: false };
  // Without a renderer (tests, scripts), on the calling thread; the chart libraries load once either way.
  const renderer = charts ?? createInProcessChartRenderer();
  try {
    return { png: await renderer.png(message.chart), drawn: true };
  } catch (error) {
    const reason = `chart could not be drawn: ${(error as Error).message}`;
    if (message.attempts + 1 >= CHART_ATTEMPTS) throw new PermanentSendError(reason);
    throw new Error(reason);
  }
}
