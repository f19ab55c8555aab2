import { LATENCY_WINDOW_SECONDS } from './measure.js';
import type { MemorySummary } from './memory-samples.js';
import type { ScenarioResult } from './run-scenario.js';

// Plain text tables; figures of several runs of the same scenario are reported as medians.

const f1 = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const f2 = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '-');
const f0 = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-');

export function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function describeRun(result: ScenarioResult): string {
  const { latency, integrity } = result;
  const lines = [
    `${result.topology} @ ${result.ratePerSecond}/s${result.stoppedEarly ? ' (NOT SUSTAINED: load stopped early, backlog > 20 s)' : ''}: sent ${result.sent}, accepted ${result.accepted} ` +
      `(HTTP ${JSON.stringify(result.httpStatuses)}), mix ${JSON.stringify(result.kinds)}`,
    `  latency ms p50 ${f1(latency.latencyMs.p50)} p95 ${f1(latency.latencyMs.p95)} p99 ${f1(latency.latencyMs.p99)} ` +
      `max ${f1(latency.latencyMs.max)}; answered ${latency.answered}/${latency.messages}; ` +
      `throughput ${f1(latency.throughputPerSecond)}/s (all replies, charts included, ${f1(latency.allRepliesPerSecond)}/s); ` +
      `drained ${f1(result.drainedSeconds)} s after the load`,
    `  p99 ms by ${LATENCY_WINDOW_SECONDS} s window of the run: ${latency.p99ByWindowMs.map(f0).join(', ')}`,
    `  split p50/p99 ms: queue wait ${f1(latency.inboundWaitMs.p50)}/${f1(latency.inboundWaitMs.p99)}, ` +
      `job+reply ${f1(latency.handleAndSendMs.p50)}/${f1(latency.handleAndSendMs.p99)}; ` +
      `${latency.chartMs.count} report charts, sent p50/p99 ms ${f1(latency.chartMs.p50)}/${f1(latency.chartMs.p99)} after the message`,
    `  integrity: doubled entries ${integrity.doubledEntries}, reply rows ${integrity.replyRows}, sent ${integrity.repliesSent}, ` +
      `sale entries ${integrity.saleEntries} (${integrity.saleLines} lines), not processed ${integrity.notProcessed}` +
      (result.inboundJobsCompleted === undefined
        ? ''
        : `, inbound jobs completed ${result.inboundJobsCompleted} ` +
          `(${f1(latency.messages / Math.max(1, result.inboundJobsCompleted))} messages per job)`) +
      (result.messagesPerTransaction === undefined
        ? ''
        : `, messages per worker transaction ${f1(result.messagesPerTransaction)}`),
  ];
  if (result.phases.length > 0) {
    lines.push(
      `  phases (mean/p95 ms): ${result.phases.map((p) => `${p.phase} ${f1(p.meanMs)}/${f1(p.p95Ms)}`).join(', ')}`,
    );
  }
  if (result.flood) {
    const { statuses, latency: own } = result.flood;
    lines.push(
      `  flooding number: HTTP ${JSON.stringify(statuses)}, its accepted messages p50 ${f1(own.latencyMs.p50)} ` +
        `p99 ${f1(own.latencyMs.p99)} ms (others p99 ${f1(latency.latencyMs.p99)} ms)`,
    );
  }
  lines.push(
    `  CPU per answered message: app ${f1(result.cpu.appMs)} ms, PostgreSQL ${f1(result.cpu.postgresMs)} ms ` +
      `-> ceiling on 2 idle cores ~${f0(result.cpu.twoCoreCeiling)} msg/s; ` +
      (result.cpu.redisMs === undefined
        ? `load generator ${f1(result.cpu.loadGeneratorMs)} ms (Redis not on this machine)`
        : `with Redis ${f1(result.cpu.redisMs)} ms and the load generator ${f1(result.cpu.loadGeneratorMs)} ms ` +
          `on the same cores ~${f0(result.cpu.wholeMachineCeiling ?? 0)} msg/s`),
  );
  const answered = Math.max(1, latency.answered);
  for (const statement of result.statements ?? []) {
    lines.push(
      `  statement: ${f2(statement.execMs / answered)} ms executing per message, ${statement.calls} calls at ` +
        `${f2(statement.execMs / statement.calls)} ms: ${statement.query.replace(/\s+/g, ' ').trim().slice(0, 80)}`,
    );
  }
  lines.push(
    `  memory: ${result.memory.map(describeMemory).join('; ')}; web heap used ` +
      `${f0(result.webHeapMb.start)}->${f0(result.webHeapMb.end)} MB`,
  );
  lines.push(`  exit codes after SIGTERM: ${result.exitCodes.join(', ')}`);
  return lines.join('\n');
}

function describeMemory(memory: MemorySummary): string {
  return `${memory.label} ${f0(memory.startMb)}->${f0(memory.endMb)} MB (max ${f0(memory.maxMb)}, ${f1(memory.mbPerMinute)} MB/min late slope)`;
}

export function summaryTable(results: ScenarioResult[]): string {
  const groups = new Map<string, ScenarioResult[]>();
  for (const result of results) {
    const key = `${result.topology} @ ${result.ratePerSecond}/s`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  const header =
    'scenario                 runs  p50 ms  p95 ms  p99 ms  answered/s  all replies/s  unanswered  doubled  cpu ms/msg  2-core ceiling';
  const rows = [...groups].map(([key, runs]) => {
    const m = (pick: (r: ScenarioResult) => number) => median(runs.map(pick));
    return [
      key.padEnd(24),
      String(runs.length).padStart(4),
      f1(m((r) => r.latency.latencyMs.p50)).padStart(7),
      f1(m((r) => r.latency.latencyMs.p95)).padStart(7),
      f1(m((r) => r.latency.latencyMs.p99)).padStart(7),
      f1(m((r) => r.latency.throughputPerSecond)).padStart(11),
      f1(m((r) => r.latency.allRepliesPerSecond)).padStart(14),
      String(Math.max(...runs.map((r) => r.latency.unanswered))).padStart(11),
      String(Math.max(...runs.map((r) => r.integrity.doubledEntries))).padStart(8),
      f1(m((r) => r.cpu.appMs + r.cpu.postgresMs)).padStart(11),
      f0(m((r) => r.cpu.twoCoreCeiling)).padStart(15),
    ].join(' ');
  });
  return [header, ...rows].join('\n');
}
