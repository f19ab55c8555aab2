import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

// On Linux a nice value belongs to a thread, and setpriority() with a thread's id changes that thread
// only, so a worker thread can step back without slowing its process's main thread.

/** The calling thread's kernel id: /proc/thread-self links to "<pid>/task/<tid>". Undefined off Linux. */
export function currentThreadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Raises the calling thread's nice value to `nice` (lower priority; never raises priority, which needs
 * privileges). Returns the thread's nice value afterwards, or undefined where threads have none of their own.
 */
export function lowerThisThreadPriority(nice: number): number | undefined {
  const tid = currentThreadId();
  if (tid === undefined) return undefined;
  try {
    if (getPriority(tid) < nice) setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return undefined;
  }
}
