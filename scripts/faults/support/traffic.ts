import { shopPhone } from '../../bench/pipeline/message-mix.js';

// Sale messages whose effect is known exactly: each sells 5 Maggi in one line, so every count (entries,
// lines, stock moved, replies) can be checked against the number of messages accepted.

export const SALE_TEXT = 'aaj 5 maggi becha';
export const SALE_UNITS = 5;
export const SALE_LINES = 1;

export interface PostOutcome {
  status: number;
  ms: number;
}

export async function postSale(
  port: number,
  index: number,
  idPrefix: string,
  shops: number,
): Promise<PostOutcome> {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/sim/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: shopPhone(index % shops), text: SALE_TEXT, id: `${idPrefix}-${index}` }),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
}

export interface TrafficTally {
  sent: number;
  accepted: number;
  statuses: Record<string, number>;
  /** Slowest answer that was not a 202, in ms (how quickly a refusal comes). */
  slowestRefusalMs: number;
  next: number;
}

export function newTally(): TrafficTally {
  return { sent: 0, accepted: 0, statuses: {}, slowestRefusalMs: 0, next: 0 };
}

/** Posts `count` sales, `parallel` at a time, adding to the tally. */
export async function postSales(
  port: number,
  tally: TrafficTally,
  options: { count: number; idPrefix: string; shops: number; parallel?: number },
): Promise<void> {
  const end = tally.next + options.count;
  const worker = async () => {
    for (let index = tally.next++; index < end; index = tally.next++) {
      const outcome = await postSale(port, index, options.idPrefix, options.shops);
      record(tally, outcome);
    }
  };
  await Promise.all(Array.from({ length: options.parallel ?? 8 }, worker));
  tally.next = end;
}

export function record(tally: TrafficTally, outcome: PostOutcome): void {
  tally.sent += 1;
  tally.statuses[outcome.status] = (tally.statuses[outcome.status] ?? 0) + 1;
  if (outcome.status === 202) tally.accepted += 1;
  else tally.slowestRefusalMs = Math.max(tally.slowestRefusalMs, outcome.ms);
}
