import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { EChartsCoreOption } from 'echarts';
import { median } from 'simple-statistics';
import {
  renderChartSvg,
  renderSalesChartPng,
  type SalesChartInput,
  salesChartOption,
  svgToPng,
} from '../../src/adapters/charts/index.js';
import { outlineSvgText } from '../../src/adapters/charts/text-outliner.js';
import { addDays } from '../../src/core/inventory/index.js';
import { printBacklogMemory } from './charts/backlog-memory.js';
import { printMainThreadShare } from './charts/print-main-thread-share.js';
import { positiveArg } from './positive-arg.js';

// CPU per report chart (the PNG a weekly or monthly report reply carries), stage by stage: building the
// echarts option, echarts writing the SVG, outlining its text with HarfBuzz, and resvg drawing the PNG.
// Each stage is timed over ROUNDS charts per run; the figures are medians over RUNS runs, after a warm-up
// (the font loads once per process, as in the worker). The PNGs are written to test-artifacts/charts-bench/.
// Then the main thread's share of a chart, drawn on it or in chart threads (charts/main-thread-share.ts).
// Last, resident memory while one chart thread draws a backlog of BACKLOG charts (charts/backlog-memory.ts).
//   npm run bench:charts [-- --runs 7 --rounds 20 --backlog 600]

const RUNS = positiveArg('runs', 7);
const ROUNDS = positiveArg('rounds', 20);
const BACKLOG = positiveArg('backlog', 600);
const ARTIFACTS = 'test-artifacts/charts-bench';

function days(count: number, from: string, seed: number): SalesChartInput['days'] {
  // A shop's daily takings: a weekly rhythm with a busier weekend, different for every seed, so that bar
  // labels and totals differ from chart to chart as they do between shops (axis steps and day names repeat).
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(from, i),
    revenuePaise: 150_000 + (((i + 1) * (seed + 3) * 7_919_993) % 200_000) + (i % 7 >= 5 ? 120_000 : 0),
  }));
}

// The report replies' charts: a week (bar labels on) and a month, in English and in Devanagari.
const CHARTS: Array<{ name: string; input: (seed: number) => SalesChartInput }> = [
  {
    name: 'week-en',
    input: (seed) => ({ days: days(7, '2026-11-16', seed), title: 'This week (16–22 Nov)', lang: 'en' }),
  },
  {
    name: 'week-hi',
    input: (seed) => ({ days: days(7, '2026-11-16', seed), title: 'इस हफ़्ते (16–22 नव॰)', lang: 'hi' }),
  },
  {
    name: 'month-en',
    input: (seed) => ({ days: days(30, '2026-11-01', seed), title: 'This month (1–30 Nov)', lang: 'en' }),
  },
  {
    name: 'month-hi',
    input: (seed) => ({ days: days(30, '2026-11-01', seed), title: 'इस महीने (1–30 नव॰)', lang: 'hi' }),
  },
];

const SIZE = { width: 800, height: 450 };

interface Stages {
  option: number;
  svg: number;
  outline: number;
  png: number;
  whole: number;
  cpu: number;
}

async function chartOnce(input: SalesChartInput): Promise<Omit<Stages, 'whole' | 'cpu'>> {
  let t = performance.now();
  const option: EChartsCoreOption = salesChartOption(input);
  const optionMs = performance.now() - t;
  t = performance.now();
  const svg = renderChartSvg(option, SIZE);
  const svgMs = performance.now() - t;
  t = performance.now();
  const outlined = await outlineSvgText(svg);
  const outlineMs = performance.now() - t;
  // svgToPng outlines too, a regex pass that finds nothing here: this is resvg's parse, render and encode.
  t = performance.now();
  await svgToPng(outlined);
  const pngMs = performance.now() - t;
  return { option: optionMs, svg: svgMs, outline: outlineMs, png: pngMs };
}

let seed = 0;
for (const chart of CHARTS) {
  const png = await renderSalesChartPng(chart.input(seed));
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/${chart.name}.png`, png);
  for (let i = 0; i < 5; i++) await chartOnce(chart.input(++seed));
}

const results = new Map<string, Stages[]>();
for (let run = 0; run < RUNS; run++) {
  for (const chart of CHARTS) {
    const stages: Array<Omit<Stages, 'whole' | 'cpu'>> = [];
    for (let i = 0; i < ROUNDS; i++) stages.push(await chartOnce(chart.input(++seed)));
    // The whole path as the report handler takes it, wall clock and process CPU (resvg's threads too).
    const inputs = Array.from({ length: ROUNDS }, () => chart.input(++seed));
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    for (const input of inputs) await renderSalesChartPng(input);
    const whole = (performance.now() - started) / ROUNDS;
    const cpu = process.cpuUsage(cpuStarted);
    const perStage = (key: keyof (typeof stages)[number]) => median(stages.map((stage) => stage[key]));
    const entry: Stages = {
      option: perStage('option'),
      svg: perStage('svg'),
      outline: perStage('outline'),
      png: perStage('png'),
      whole,
      cpu: (cpu.user + cpu.system) / 1000 / ROUNDS,
    };
    results.set(chart.name, [...(results.get(chart.name) ?? []), entry]);
  }
}

console.log(
  `chart benchmark: ${ROUNDS} charts per run, ${RUNS} runs, medians in ms per chart (${SIZE.width}x${SIZE.height})`,
);
console.log('chart      option  echarts-svg  outline    png  | whole (wall)  whole (CPU)');
const ms = (n: number, width: number) => n.toFixed(2).padStart(width);
for (const [name, runs] of results) {
  const m = (key: keyof Stages) => median(runs.map((run) => run[key]));
  console.log(
    `${name.padEnd(9)} ${ms(m('option'), 7)} ${ms(m('svg'), 12)} ${ms(m('outline'), 8)} ${ms(m('png'), 6)}  | ${ms(m('whole'), 12)} ${ms(m('cpu'), 12)}`,
  );
}
console.log(
  `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (other work inflates wall-clock figures)`,
);

await printMainThreadShare({
  runs: RUNS,
  requests: (run) =>
    Array.from({ length: ROUNDS }, (_, i) => {
      const chart = CHARTS[i % CHARTS.length]!;
      return { kind: 'sales', input: chart.input(1_000 + run * ROUNDS + i) };
    }),
});

await printBacklogMemory({
  charts: BACKLOG,
  inFlight: 8,
  request: (index) => {
    const chart = CHARTS[index % CHARTS.length]!;
    return { kind: 'sales', input: chart.input(5_000 + index) };
  },
});
