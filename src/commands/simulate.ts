import { writeFile } from 'node:fs/promises';
import { type Command, InvalidArgumentError } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { DEFAULT_CATALOG } from '../core/catalog/default-catalog.js';
import { festivalsBetween } from '../core/festivals/index.js';
import { paiseToRupees } from '../core/money.js';
import { addDays } from '../core/simulation/calendar-days.js';
import {
  PRODUCT_PROFILES,
  type ProductPricing,
  type SalesRow,
  simulateShopSales,
} from '../core/simulation/index.js';

// `billmitra simulate`: a typical kirana shop's sales history as CSV, for demos, imports and benchmarks.

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return parsed;
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

function calendarDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected YYYY-MM-DD');
  }
  return value;
}

function todayInIndia(): string {
  // en-CA formats as YYYY-MM-DD; the shop's calendar day, not the server's.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Kolkata',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** Catalog prices for the profiled products, so simulated prices match what a new shop starts with. */
function catalogPricing(): ProductPricing[] {
  return PRODUCT_PROFILES.map((profile) => {
    const item = DEFAULT_CATALOG.find((product) => product.id === profile.id);
    const source = item ?? profile;
    return {
      id: profile.id,
      pricePaise: source.pricePaise,
      costPaise: source.costPaise,
      mrpPaise: source.mrpPaise,
    };
  });
}

export function salesCsv(rows: readonly SalesRow[]): string {
  // A ledger has no line for an item nobody bought, so zero days are left out.
  const records = rows
    .filter((row) => row.quantity > 0)
    .map((row) => [row.date, row.product, row.quantity, paiseToRupees(row.pricePaise)]);
  return stringify(records, { header: true, columns: ['date', 'product', 'quantity', 'price'] });
}

interface SimulateOptions {
  days: number;
  end?: string;
  seed: number;
  state?: string;
  out?: string;
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description(
      'Write a simulated sales history for the 15 products of a typical kirana shop as CSV ' +
        '(date,product,quantity,price; price in rupees; days without a sale are left out). ' +
        'Weekends, paydays, seasons, price changes and the Indian festival calendar shape the demand.',
    )
    .option('--days <n>', 'how many days of history', positiveInteger, 365)
    .option('--end <date>', 'last simulated day, YYYY-MM-DD (default: today in India)', calendarDate)
    .option('--seed <n>', 'random seed; the same seed gives the same history', integer, 1)
    .option('--state <code>', 'state code for regional festivals, e.g. TN, WB (default: all India)')
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .action(async (options: SimulateOptions) => {
      const endDate = options.end ?? todayInIndia();
      const startDate = addDays(endDate, 1 - options.days);
      const festivals = festivalsBetween(
        Number(startDate.slice(0, 4)),
        // Next year too: a festival just after the end still casts its buying window back into it.
        Number(endDate.slice(0, 4)) + 1,
        options.state === undefined ? undefined : { state: options.state },
      );
      const { rows } = simulateShopSales({
        startDate,
        days: options.days,
        seed: options.seed,
        products: catalogPricing(),
        festivals,
      });
      const csv = salesCsv(rows);
      if (options.out) {
        await writeFile(options.out, csv, 'utf8');
        process.stderr.write(
          `wrote ${csv.split('\n').length - 2} rows (${startDate} to ${endDate}) to ${options.out}\n`,
        );
      } else {
        process.stdout.write(csv);
      }
    });
}
