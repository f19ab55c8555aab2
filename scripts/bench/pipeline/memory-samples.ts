import { residentMb } from './app-processes.js';

// Resident memory of each application process every few seconds; "flat" is judged on the second half of
// the run (after warm-up, caches and JIT have settled) by the least-squares slope in MB per minute.

export interface MemorySeries {
  label: string;
  samples: Array<{ atMs: number; mb: number }>;
}

export function sampleMemory(targets: Array<{ label: string; pid: number | undefined }>, everyMs = 5_000) {
  const series: MemorySeries[] = targets.map(({ label }) => ({ label, samples: [] }));
  const started = Date.now();
  const sample = async () => {
    for (const [index, target] of targets.entries()) {
      const mb = await residentMb(target.pid);
      if (mb !== undefined) series[index]?.samples.push({ atMs: Date.now() - started, mb });
    }
  };
  void sample();
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop(): Promise<MemorySeries[]> {
      clearInterval(timer);
      await sample();
      return series;
    },
  };
}

export interface MemorySummary {
  label: string;
  startMb: number;
  endMb: number;
  maxMb: number;
  /** Slope over the second half of the run. */
  mbPerMinute: number;
}

export function summariseMemory(series: MemorySeries): MemorySummary {
  const samples = series.samples;
  const half = samples.slice(Math.floor(samples.length / 2));
  return {
    label: series.label,
    startMb: samples[0]?.mb ?? Number.NaN,
    endMb: samples.at(-1)?.mb ?? Number.NaN,
    maxMb: Math.max(...samples.map((s) => s.mb)),
    mbPerMinute: slope(half.map((s) => [s.atMs / 60_000, s.mb] as const)),
  };
}

function slope(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const meanX = points.reduce((a, [x]) => a + x, 0) / n;
  const meanY = points.reduce((a, [, y]) => a + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
