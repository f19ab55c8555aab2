import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { type ProductCategory, UPLIFT_CATEGORIES } from '../core/festivals/index.js';
import type { PricedDay } from '../core/pricing/elasticity.js';
import {
  evaluateElasticities,
  type PricedSeries,
  type SeriesElasticity,
} from '../core/pricing/evaluate-series.js';
import { festivalWindows } from '../core/pricing/festival-windows.js';

// `billmitra price-eval --sales IN.csv`: price elasticities per series from a sales file with prices.
// Accepts the project's `date,series_id,units,price[,category]` and the M5 layout
// `date,store_id,item_id,dept_id,cat_id,units,sell_price` (series id ITEM_STORE, category cat_id).

interface Options {
  sales: string;
  events?: string;
  festivals?: boolean;
  state?: string;
  json?: boolean;
  trend: string;
  minDaysPerPrice: string;
  all?: boolean;
}

type Row = Record<string, string>;

export function register(program: Command): void {
  program
    .command('price-eval')
    .description(
      'estimate price elasticities per series (log-log; weekday, payday, season, festival controls) with intervals',
    )
    .requiredOption(
      '--sales <file>',
      'CSV: date,series_id,units,price[,category] or the M5 sales_long layout',
    )
    .option(
      '--events <file>',
      'CSV date,event (or the M5 calendar, date,event_name_1): each named event gets its own level',
    )
    .option('--festivals', 'control for Indian festival windows (buying days and the day) per category')
    .option('--state <code>', 'with --festivals: only the festivals that matter in this state')
    .option('--json', 'print JSON instead of a table')
    .option(
      '--trend <kind>',
      'control for slow demand changes: linear, blocks (8-week levels) or none',
      'linear',
    )
    .option('--min-days-per-price <n>', 'days a price must be held to count as a level', '7')
    .option('--all', 'also list series without usable price changes')
    .action((options: Options) => {
      const events = options.events ? readEvents(options.events) : new Map<string, string>();
      const series = readSeries(options.sales, events);
      if (options.festivals) labelFestivalWindows(series, options.state);
      const result = evaluateElasticities(series, {
        trend: parseTrend(options.trend),
        minDaysPerPrice: Number(options.minDaysPerPrice),
      });
      const shown = options.all ? result.series : result.series.filter((s) => s.own.identified);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ series: shown, priors: result.priors }, null, 2)}\n`);
        return;
      }
      printTable(shown);
      printSummary(result.series, result.priors);
    });
}

function parseTrend(value: string): 'linear' | 'blocks' | 'none' {
  if (value === 'linear' || value === 'blocks' || value === 'none') return value;
  throw new Error(`--trend must be linear, blocks or none, got "${value}"`);
}

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Row[];
}

function readEvents(file: string): Map<string, string> {
  return new Map(
    readCsv(file).flatMap((row) => {
      const event = row.event ?? row.event_name_1;
      return row.date && event ? [[row.date, event] as const] : [];
    }),
  );
}

// Indian festival windows from src/core/festivals; a series whose category is one the festivals list lifts
// gets only the festivals that lift it, any other series every festival that lifts something.
function labelFestivalWindows(series: PricedSeries[], state: string | undefined): void {
  for (const s of series) {
    const first = s.days[0]?.date;
    const last = s.days[s.days.length - 1]?.date;
    if (!first || !last) continue;
    const category = (UPLIFT_CATEGORIES as readonly string[]).includes(s.category ?? '')
      ? (s.category as ProductCategory)
      : undefined;
    const windows = festivalWindows(first, last, {
      ...(category ? { category } : {}),
      ...(state ? { state } : {}),
    });
    for (const day of s.days) {
      const id = windows.get(day.date);
      if (id) day.festivalId = id;
    }
  }
}

function readSeries(file: string, events: Map<string, string>): PricedSeries[] {
  const rows = readCsv(file);
  const header = Object.keys(rows[0] ?? {});
  const m5 = header.includes('store_id') && header.includes('item_id') && header.includes('sell_price');
  if (!m5 && !['date', 'series_id', 'units', 'price'].every((c) => header.includes(c))) {
    throw new Error(
      `--sales needs columns date,series_id,units,price (or the M5 layout); got ${header.join(',')}`,
    );
  }
  const bySeries = new Map<string, PricedSeries>();
  for (const row of rows) {
    const id = m5 ? `${row.item_id}_${row.store_id}` : (row.series_id ?? '');
    const price = Number(m5 ? row.sell_price : row.price);
    const units = Number(row.units);
    const date = row.date ?? '';
    if (!id || !date || !(price > 0) || !Number.isFinite(units)) continue;
    let series = bySeries.get(id);
    if (!series) {
      const category = m5 ? row.cat_id : row.category;
      series = category ? { id, category, days: [] } : { id, days: [] };
      bySeries.set(id, series);
    }
    const event = events.get(date);
    const day: PricedDay = event ? { date, units, price, festivalId: event } : { date, units, price };
    series.days.push(day);
  }
  for (const s of bySeries.values()) s.days.sort((a, b) => a.date.localeCompare(b.date));
  return [...bySeries.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function num(value: number, width: number, digits = 2): string {
  return value.toFixed(digits).padStart(width);
}

function printTable(rows: readonly SeriesElasticity[]): void {
  const lines = [
    `${'series'.padEnd(18)} ${'cat'.padEnd(10)} days lvls units/d  price range    own    90% interval    pooled   sd  sure`,
  ];
  for (const s of rows) {
    const own = s.own.identified
      ? `${num(s.own.elasticity, 6)}  [${num(s.own.low, 6)}, ${num(s.own.high, 6)}]`
      : `${'-'.padStart(6)}  ${`(${s.own.reason})`.padEnd(16)}`;
    lines.push(
      `${s.id.padEnd(18)} ${s.category.padEnd(10)} ${String(s.days).padStart(4)} ${String(s.priceLevels).padStart(4)} ` +
        `${num(s.meanUnits, 7)}  ${num(s.minPrice, 5)}-${num(s.maxPrice, 5).trim().padEnd(6)} ${own} ` +
        `${num(s.pooled.elasticity, 6)} ${num(s.pooled.sd, 4)}  ${s.confidence}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printSummary(
  all: readonly SeriesElasticity[],
  priors: Record<string, { mean: number; sd: number; series: number }>,
): void {
  const identified = all.filter((s) => s.own.identified);
  const estimates = identified.flatMap((s) => (s.own.identified ? [s.own] : []));
  const sorted = estimates.map((e) => e.elasticity).sort((a, b) => a - b);
  const median =
    sorted.length > 0
      ? (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2
      : Number.NaN;
  const excludesZero = estimates.filter((e) => e.high < 0).length;
  const positive = estimates.filter((e) => e.low > 0).length;
  const lines = [
    '',
    `${all.length} series, ${identified.length} with usable price changes; median own elasticity ${median.toFixed(2)}`,
    `90% interval below zero: ${excludesZero}; above zero: ${positive}; containing zero: ${estimates.length - excludesZero - positive}`,
    `confidence (pooled): ${(['high', 'medium', 'low'] as const).map((c) => `${c} ${all.filter((s) => s.confidence === c).length}`).join(', ')}`,
    ...Object.entries(priors).map(
      ([category, p]) =>
        `prior ${category}: ${p.mean.toFixed(2)} ± ${p.sd.toFixed(2)} from ${p.series} series`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
