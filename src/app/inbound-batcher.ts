// Gathers the inbound jobs a worker holds at once into batches for handleInboundBatch. A lane is one
// transaction in flight; jobs arriving while every lane is busy wait, and the next free lane takes its
// share of them together: the waiting jobs divided by the lanes, at most maxBatch. Under light load a
// batch is one job (handled alone, as before); a short backlog after a stall is spread over the lanes as
// they free up, not taken whole by the first (a transaction answers its messages one after another and
// all of them only at its COMMIT, so one batch of 32 kept its first message waiting for the other 31);
// under overload every lane takes maxBatch, so the work per message falls just when it matters. A batch
// that fails is retried message by message, so each job still succeeds or fails on its own.

export interface InboundBatcherOptions {
  handleOne(id: number): Promise<void>;
  handleBatch(ids: readonly number[]): Promise<void>;
  /** Transactions in flight at once. */
  lanes: number;
  /** Most messages in one transaction. */
  maxBatch: number;
  /** Told the size of every transaction started, 1 included. */
  onTransaction?(size: number): void;
  /** Told when a batch failed and its messages are being handled one by one. */
  onBatchFailed?(error: unknown, size: number): void;
}

export interface InboundBatcher {
  handle(id: number): Promise<void>;
}

interface Waiting {
  id: number;
  resolve(): void;
  reject(error: unknown): void;
}

export function createInboundBatcher(options: InboundBatcherOptions): InboundBatcher {
  const lanes = Math.max(1, Math.floor(options.lanes));
  const maxBatch = Math.max(1, Math.floor(options.maxBatch));
  const waiting: Waiting[] = [];
  let busyLanes = 0;
  const shareOf = (waitingJobs: number) => Math.min(maxBatch, Math.ceil(waitingJobs / lanes));

  const runLane = async () => {
    busyLanes += 1;
    try {
      while (waiting.length > 0) await runBatch(waiting.splice(0, shareOf(waiting.length)));
    } finally {
      busyLanes -= 1;
    }
  };

  const runBatch = async (batch: Waiting[]) => {
    const [only] = batch;
    options.onTransaction?.(batch.length);
    if (batch.length === 1 && only) return settle(only, options.handleOne(only.id));
    try {
      await options.handleBatch(batch.map((entry) => entry.id));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      options.onBatchFailed?.(error, batch.length);
      for (const entry of batch) await settle(entry, options.handleOne(entry.id));
    }
  };

  return {
    handle(id) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ id, resolve, reject });
        if (busyLanes < lanes) void runLane();
      });
    },
  };
}

async function settle(entry: Waiting, work: Promise<void>): Promise<void> {
  try {
    await work;
    entry.resolve();
  } catch (error) {
    entry.reject(error);
  }
}
