import type { ChartRequest } from './chart-renderer.js';

// What passes between the main thread and a chart thread. Each request carries an id so replies can
// come back in any order; the PNG comes back as a transferred ArrayBuffer (moved, not copied).

export interface ChartThreadRequest {
  id: number;
  request: ChartRequest;
}

export type ChartThreadReply = { id: number; png: ArrayBuffer } | { id: number; error: string };

/**
 * A chart thread's nice value. A chart is a report's second message, sent after its text: when the cores
 * are busy, the main thread (every shopkeeper's next answer) and PostgreSQL go first; nice 10 leaves the
 * chart thread about a tenth of what they want of a core, and all of an idle one.
 */
export const CHART_THREAD_NICE = 10;
