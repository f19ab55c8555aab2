import type { ChartRequest } from './chart-renderer.js';

// What passes between the main thread and a chart thread. Each request carries an id so replies can
// come back in any order; the PNG comes back as a transferred ArrayBuffer (moved, not copied).

export interface ChartThreadRequest {
  id: number;
  request: ChartRequest;
}

export type ChartThreadReply = { id: number; png: ArrayBuffer } | { id: number; error: string };
