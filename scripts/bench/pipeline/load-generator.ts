import { Agent, request } from 'node:http';
import { createMessagePicker, type MessageKind, shopPhone } from './message-mix.js';

// Open loop: messages leave at the fixed rate whatever the server does, as shopkeepers' phones would, so a
// slow server shows up as latency and backlog instead of silently lowering the offered load.

export interface LoadOptions {
  port: number;
  ratePerSecond: number;
  durationMs: number;
  shops: number;
  /** Prefix of the message ids, unique per run, so the run's rows can be found afterwards. */
  idPrefix: string;
  seed?: number;
  /** Called every second with the counts so far (progress, memory sampling). */
  onTick?(stats: LoadStats): void;
  /** Checked between sends: true ends the load early (the server has fallen hopelessly behind). */
  shouldStop?(): boolean;
}

export interface LoadStats {
  sent: number;
  accepted: number;
  byStatus: Record<string, number>;
  byKind: Record<MessageKind, number>;
  /** HTTP answer times in ms, for the accept step alone. */
  acceptMs: number[];
  elapsedMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadStats> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const pick = createMessagePicker(options.seed);
  const stats: LoadStats = {
    sent: 0,
    accepted: 0,
    byStatus: {},
    byKind: { sale: 0, question: 0, report: 0 },
    acceptMs: [],
    elapsedMs: 0,
  };
  const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let lastTick = started;

  const post = (index: number) => {
    const message = pick();
    // Spread senders over the shops in a fixed shuffle so consecutive messages come from different shops.
    const shop = (index * 7919) % options.shops;
    const body = JSON.stringify({
      from: shopPhone(shop),
      text: message.text,
      id: `${options.idPrefix}-${index}`,
    });
    stats.byKind[message.kind] += 1;
    const sentAt = performance.now();
    const done = new Promise<void>((resolveDone) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: options.port,
          path: '/api/sim/messages',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = String(res.statusCode);
            stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
            if (res.statusCode === 202) stats.accepted += 1;
            stats.acceptMs.push(performance.now() - sentAt);
            resolveDone();
          });
        },
      );
      req.on('error', (error) => {
        stats.byStatus[error.message] = (stats.byStatus[error.message] ?? 0) + 1;
        resolveDone();
      });
      req.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    stats.sent += 1;
  };

  while (stats.sent < total && !options.shouldStop?.()) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - started) / 1000) * options.ratePerSecond));
    while (stats.sent < due) post(stats.sent);
    if (now - lastTick >= 1000) {
      lastTick = now;
      stats.elapsedMs = now - started;
      options.onTick?.(stats);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 5));
  }
  await Promise.all(inFlight);
  stats.elapsedMs = performance.now() - started;
  agent.destroy();
  return stats;
}
