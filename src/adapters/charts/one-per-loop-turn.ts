// Node-API finalizers run from setImmediate, and a MessagePort dispatches every message waiting on it in
// one go (up to a thousand) before the event loop moves on. A chart thread that drew in its message
// handler therefore drew chart after chart behind a backlog without the loop ever reaching its immediates,
// and resvg's native memory behind each chart (its tree and a 1.4 MB pixmap) stayed until the backlog
// ran dry: 1.5 GB more resident memory at 1,000 messages/s. Taking one item per loop turn lets the
// finalizers of the last chart run before the next is drawn.

/**
 * Returns a function that queues an item; the items are handled in order, one per event-loop turn (each
 * after the immediates already scheduled). `handle` must not reject: its errors are its own to report.
 */
export function onePerLoopTurn<T>(handle: (item: T) => Promise<void>): (item: T) => void {
  const waiting: T[] = [];
  let scheduled = false;

  function handleNext(): void {
    if (waiting.length === 0) {
      scheduled = false;
      return;
    }
    void handle(waiting.shift() as T).finally(() => setImmediate(handleNext));
  }

  return (item) => {
    waiting.push(item);
    if (scheduled) return;
    scheduled = true;
    setImmediate(handleNext);
  };
}
