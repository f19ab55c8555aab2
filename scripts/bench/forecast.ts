import { parseArgs } from 'node:util';
import { createAugursEtsPeer } from '../../src/adapters/ml/augurs-ets-peer.js';
import { loadTf } from '../../src/adapters/ml/tf-backend.js';
import { createTfQuantileTrainer } from '../../src/adapters/ml/tf-quantile-mlp.js';
import { addDays } from '../../src/core/forecasting/day-math.js';
import { forecastSeries } from '../../src/core/forecasting/index.js';
import { loadM5, m5Dir, splitAt } from './forecast/m5-data.js';
import { timeBaseModels, timedTrainer } from './forecast/model-timing.js';
import { type ModelScore, scoreModels } from './forecast/scoring.js';

// `npm run bench:forecast`: the M5 protocol (horizon 28) on several rolling origins ending with the last
// 28 days held out, then origins whose horizon covers Eid al-Fitr, Thanksgiving and Christmas 2015.
// Options: --windows N (last N windows, default 3), --no-events-table, --epochs E, --max-rows R,
// --members M (bagged global models averaged), --seed S, --retrain (refit the global model on all history
// for the final forecast), --origins D1,D2 (these origins instead of the last N windows; a quick check).

const HORIZON = 28;
const PEERS = ['seasonal_naive', 'moving_average', 'ses', 'croston', 'ets_peer'];
const MODELS = [
  ...PEERS,
  'tsb',
  'weekday_ma',
  'global',
  'global+moving_average',
  'global+weekday_ma',
  'global+tsb',
  'weekday_ma+tsb',
  'global+weekday_ma+tsb',
  'chosen',
];
const EVENT_ORIGINS: [string, string][] = [
  ['2015-07-06', 'Eid al-Fitr 2015-07-18'],
  ['2015-11-09', 'Thanksgiving 2015-11-26'],
  ['2015-12-07', 'Christmas 2015-12-25'],
];

const { values: args } = parseArgs({
  options: {
    windows: { type: 'string', default: '3' },
    'no-events-table': { type: 'boolean', default: false },
    epochs: { type: 'string' },
    'max-rows': { type: 'string' },
    margin: { type: 'string' },
    preferred: { type: 'string' },
    weighting: { type: 'string' },
    lr: { type: 'string' },
    members: { type: 'string' },
    seed: { type: 'string' },
    retrain: { type: 'boolean' },
    origins: { type: 'string' },
  },
});

const { backend } = await loadTf();
const data = loadM5();
const peer = createAugursEtsPeer();
const timed = timedTrainer(createTfQuantileTrainer(args.lr ? { learningRate: Number(args.lr) } : {}));
console.log(
  `M5 subset: ${data.series.length} series from ${m5Dir()}, last day ${data.lastDate}; tfjs backend ${backend}`,
);

interface WindowResult {
  origin: string;
  scores: ModelScore[];
  wallMs: number;
  cpuS: number;
  globalMs: number;
  baseMs: Map<string, number>;
}

async function runWindow(origin: string): Promise<WindowResult> {
  const split = splitAt(data.series, origin, HORIZON, (d) => addDays(d, HORIZON - 1));
  timed.reset();
  const t = performance.now();
  const cpu = process.cpuUsage();
  const results = await forecastSeries(
    {
      series: split.map((s) => s.input),
      horizon: HORIZON,
      startDate: origin,
      events: data.events,
      includeModelForecasts: true,
      ...(args.epochs ? { globalEpochs: Number(args.epochs) } : {}),
      ...(args['max-rows'] ? { globalMaxRows: Number(args['max-rows']) } : {}),
      ...(args.members ? { globalMembers: Number(args.members) } : {}),
      ...(args.seed ? { seed: Number(args.seed) } : {}),
      ...(args.retrain !== undefined ? { retrainForFinal: args.retrain } : {}),
      ...(args.margin ? { selectionMargin: Number(args.margin) } : {}),
      ...(args.preferred ? { preferredModel: args.preferred } : {}),
      ...(args.weighting ? { globalWeighting: args.weighting as 'revenue' | 'none' } : {}),
    },
    { globalModel: timed.trainer, peer },
  );
  const wallMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  const baseMs = timeBaseModels(
    split.map((s) => s.input),
    HORIZON,
  );
  const chosen = new Map<string, number>();
  for (const r of results) chosen.set(r.model, (chosen.get(r.model) ?? 0) + 1);
  console.log(
    `  origin ${origin}: ${(wallMs / 1000).toFixed(1)} s wall, ${cpuS.toFixed(1)} s CPU; chosen models ${[...chosen].map(([m, n]) => `${m}:${n}`).join(' ')}`,
  );
  return {
    origin,
    scores: scoreModels(split, results, MODELS),
    wallMs,
    cpuS,
    globalMs: timed.elapsed(),
    baseMs,
  };
}

function printTable(title: string, windows: WindowResult[]): void {
  console.log(`\n${title}`);
  console.log(
    'model                  | mean RMSSE | wRMSSE | wRMSSE/best peer | p10-p90 cover | wall s/window',
  );
  const avg = (model: string, key: keyof Omit<ModelScore, 'model'>) =>
    windows.reduce((s, w) => s + w.scores.find((x) => x.model === model)![key], 0) / windows.length;
  // Best peer per window, then the average ratio: the README's way of judging across noisy windows.
  const ratio = (model: string) =>
    windows.reduce((s, w) => {
      const best = Math.min(...PEERS.map((p) => w.scores.find((x) => x.model === p)!.weightedRmsse));
      return s + w.scores.find((x) => x.model === model)!.weightedRmsse / best;
    }, 0) / windows.length;
  for (const model of MODELS) {
    const wall =
      model === 'chosen'
        ? windows.reduce((s, w) => s + w.wallMs, 0) / windows.length / 1000
        : model === 'global'
          ? windows.reduce((s, w) => s + w.globalMs, 0) / windows.length / 1000
          : model.includes('+')
            ? Number.NaN
            : windows.reduce((s, w) => s + (w.baseMs.get(model) ?? 0), 0) / windows.length / 1000;
    console.log(
      `${model.padEnd(22)} | ${avg(model, 'meanRmsse').toFixed(3).padStart(10)} | ${avg(model, 'weightedRmsse').toFixed(3).padStart(6)} | ${ratio(model).toFixed(3).padStart(16)} | ${(avg(model, 'coverage') * 100).toFixed(1).padStart(12)}% | ${Number.isNaN(wall) ? '     -' : wall.toFixed(2).padStart(6)}`,
    );
  }
  const cpu = windows.reduce((s, w) => s + w.cpuS, 0) / windows.length;
  // The machine is shared: CPU seconds show the cost when wall time is inflated by other processes.
  console.log(`(chosen: whole 196-series run incl. backtests and training, CPU ${cpu.toFixed(1)} s/window)`);
}

/** One line per window: the goal is judged per window as well as on the average. */
function printPerWindow(windows: WindowResult[]): void {
  console.log('origin     | best peer (wRMSSE)      | chosen/best peer | chosen p10-p90 cover');
  for (const w of windows) {
    const peers = PEERS.map((p) => w.scores.find((x) => x.model === p)!);
    const best = peers.reduce((a, b) => (b.weightedRmsse < a.weightedRmsse ? b : a));
    const chosen = w.scores.find((x) => x.model === 'chosen')!;
    console.log(
      `${w.origin} | ${`${best.model} (${best.weightedRmsse.toFixed(3)})`.padEnd(23)} | ${(chosen.weightedRmsse / best.weightedRmsse).toFixed(3).padStart(16)} | ${(chosen.coverage * 100).toFixed(1).padStart(19)}%`,
    );
  }
}

const windowCount = Number(args.windows);
const lastOrigin = addDays(data.lastDate, -(HORIZON - 1));
const main: WindowResult[] = [];
console.log(`\nRolling origins (last ${windowCount} windows of ${HORIZON} days):`);
const origins = args.origins
  ? args.origins.split(',')
  : Array.from({ length: windowCount }, (_, k) => addDays(lastOrigin, -(windowCount - 1 - k) * HORIZON));
for (const origin of origins) main.push(await runWindow(origin));
printTable(`Average over ${main.length} windows (origins ${main.map((w) => w.origin).join(', ')})`, main);
if (main.length > 1) printTable(`Last window only (origin ${lastOrigin})`, main.slice(-1));
printPerWindow(main);

if (!args['no-events-table']) {
  const eventRuns: WindowResult[] = [];
  console.log('\nEvent origins (M5 calendar events as --events):');
  for (const [origin, label] of EVENT_ORIGINS) {
    console.log(`  ${label}`);
    eventRuns.push(await runWindow(origin));
  }
  for (const w of eventRuns) printTable(`Event window from ${w.origin}`, [w]);
  printTable('Event windows averaged', eventRuns);
  printPerWindow(eventRuns);
}

const usage = process.memoryUsage();
console.log(
  `\nPeak memory: maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap now ${(usage.heapUsed / 2 ** 20).toFixed(0)} MB`,
);
