import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { createAugursEtsPeer } from '../adapters/ml/augurs-ets-peer.js';
import { createTfQuantileTrainer } from '../adapters/ml/tf-quantile-mlp.js';
import {
  defaultFestivalEvents,
  type EventDay,
  forecastSeries,
  formatForecastCsv,
  mergeEvents,
  parseEventsCsv,
  parseSalesCsv,
} from '../core/forecasting/index.js';

// `billmitra forecast --sales IN.csv --horizon H --out OUT.csv [--events EVENTS.csv]` (contract in
// ARCHITECTURE.md). The built-in Indian festival calendar is always the base; --events adds or replaces.

interface ForecastCliOptions {
  sales: string;
  horizon: string;
  out: string;
  events?: string;
  state?: string;
  details?: string;
  global: boolean;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${what} ${path}${code ? ` (${code})` : ''}`);
  }
}

async function run(options: ForecastCliOptions): Promise<void> {
  const horizon = Number(options.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 366) {
    throw new Error(`--horizon must be a whole number of days from 1 to 366, got "${options.horizon}"`);
  }
  const series = parseSalesCsv(await readText(options.sales, 'sales file'));
  const dates = series.flatMap((s) => s.points.map((p) => p.date)).sort();
  const fromYear = Number(dates[0]!.slice(0, 4)) - 1;
  const toYear = Number(dates[dates.length - 1]!.slice(0, 4)) + 2;
  const builtIn = defaultFestivalEvents({
    fromYear,
    toYear,
    ...(options.state ? { state: options.state } : {}),
  });
  const custom: EventDay[] = options.events
    ? parseEventsCsv(await readText(options.events, 'events file'))
    : [];
  const results = await forecastSeries(
    { series, horizon, events: mergeEvents(builtIn, custom) },
    options.global
      ? { globalModel: createTfQuantileTrainer(), peer: createAugursEtsPeer() }
      : { peer: createAugursEtsPeer() },
  );
  await writeFile(options.out, formatForecastCsv(results));
  if (options.details) await writeFile(options.details, `${JSON.stringify(results, null, 2)}\n`);
  process.stderr.write(`forecast: ${results.length} series x ${horizon} days -> ${options.out}\n`);
}

export function register(program: Command): void {
  program
    .command('forecast')
    .description('Forecast daily units per series with p10/p50/p90, festival-aware')
    .requiredOption('--sales <file>', 'CSV with columns date,series_id,units[,price][,in_stock][,category]')
    .requiredOption('--horizon <days>', 'days to forecast after the last sales date')
    .requiredOption('--out <file>', 'output CSV: series_id,date,mean,p10,p50,p90')
    .option(
      '--events <file>',
      'CSV date,event: adds events, or replaces a built-in festival of the same name',
    )
    .option('--state <code>', 'use one Indian state’s festival calendar (e.g. TN, WB)')
    .option('--details <file>', 'also write chosen model, backtest figures and explanations as JSON')
    .option('--no-global', 'skip the learned global model (per-series models only)')
    .action(async (options: ForecastCliOptions) => run(options));
}
