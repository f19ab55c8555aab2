import { basename, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { startEmbeddedPostgres } from '../adapters/postgres/embedded.js';
import { migrateDatabase } from '../adapters/postgres/migrate.js';
import { createPool, type Pool } from '../adapters/postgres/pool.js';
import { createSalesImportRepository } from '../adapters/postgres/repositories/sales-import.js';
import { shopQueryable } from '../adapters/postgres/tenant-scope.js';
import { requestForecastFromCommand } from '../app/forecasting/request-forecast-run.js';
import {
  type ImportSalesResult,
  importSalesCsv,
  MAX_SALES_CSV_CHARS,
} from '../app/sales-import/import-sales.js';
import { localDate } from '../core/language/days.js';
import { SalesCsvError } from '../core/sales-import/sales-csv.js';
import { loadConfigOrExit } from './config-loading.js';
import { readSalesFile } from './read-sales-file.js';

// `billmitra import --shop-phone +91... FILE.csv`: a sales history (the simulator's output or a shop's own
// export) into one shop. Safe to repeat: rows already imported are skipped, not doubled.

const EXIT_SOME_ROWS_REFUSED = 3;
const PROBLEMS_SHOWN = 30;

interface ImportOptions {
  shopPhone?: string;
  shopId?: number;
  batchSize: number;
  separate?: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return parsed;
}

async function resolveShop(
  pool: Pool,
  options: ImportOptions,
): Promise<{ shopId: number; timeZone: string }> {
  const repository = createSalesImportRepository(pool);
  const shopId =
    options.shopId ?? (options.shopPhone ? await repository.shopIdForPhone(options.shopPhone) : undefined);
  if (shopId === undefined) throw new Error(`no shop has the number ${options.shopPhone}`);
  const timeZone = await createSalesImportRepository(shopQueryable(pool, shopId)).shopTimeZone(shopId);
  if (timeZone === undefined) throw new Error(`no shop with id ${shopId}`);
  return { shopId, timeZone };
}

function report(result: ImportSalesResult, file: string): string {
  const lines = [
    `${file}: ${result.rows} rows, ${result.inserted} sales imported, ${result.alreadyThere} already there, ` +
      `${result.problems.length} refused` +
      (result.firstDate ? ` (${result.firstDate} to ${result.lastDate})` : ''),
  ];
  for (const problem of result.problems.slice(0, PROBLEMS_SHOWN))
    lines.push(`  line ${problem.line}: ${problem.reason}`);
  if (result.problems.length > PROBLEMS_SHOWN)
    lines.push(`  ... and ${result.problems.length - PROBLEMS_SHOWN} more`);
  return `${lines.join('\n')}\n`;
}

async function run(file: string, options: ImportOptions): Promise<void> {
  if ((options.shopPhone === undefined) === (options.shopId === undefined)) {
    throw new Error('give exactly one of --shop-phone or --shop-id');
  }
  const csv = await readSalesFile(file);
  const config = loadConfigOrExit();
  const embedded = config.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(config.DATA_DIR, 'pglite') });
  const url = config.DATABASE_URL ?? embedded!.url;
  const pool = createPool({ connectionString: url, max: 2, role: config.DATABASE_APP_ROLE });
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'importing [{bar}] {percentage}% {value}/{total} rows', hideCursor: true })
    : undefined;
  let barStarted = false;
  try {
    await migrateDatabase(url);
    const { shopId, timeZone } = await resolveShop(pool, options);
    const result = await importSalesCsv(
      {
        pool,
        batchSize: options.batchSize,
        onProgress(done, total) {
          if (!bar) return;
          if (!barStarted) bar.start(total, done);
          else bar.update(done);
          barStarted = true;
        },
      },
      {
        shopId,
        csv,
        source: basename(file),
        today: localDate(new Date(), timeZone),
        separate: options.separate === true,
      },
    );
    bar?.stop();
    process.stdout.write(report(result, basename(file)));
    await requestForecastFromCommand(config, { shopId, entryId: result.entryId });
    if (result.problems.length > 0) process.exitCode = EXIT_SOME_ROWS_REFUSED;
  } catch (error) {
    bar?.stop();
    if (error instanceof SalesCsvError) throw new Error(`${file}: ${error.message}`);
    throw error;
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

export function register(program: Command): void {
  program
    .command('import')
    .description('Import a sales history CSV (date,product,quantity[,price]) into a shop')
    .argument(
      '<file>',
      'CSV file: date (YYYY-MM-DD), product (catalog id or a name the shop knows), quantity, price in rupees (optional)',
    )
    .option(
      '--shop-phone <phone>',
      'the shop whose owner or staff has this number (E.164, e.g. +919999900000)',
    )
    .option('--shop-id <id>', 'the shop with this id', positiveInteger)
    .option(
      '--separate',
      'do not match rows against other files: for another till or export covering the same days',
    )
    .option('--batch-size <n>', 'rows per INSERT and per transaction', positiveInteger, 1000)
    .addHelpText(
      'after',
      '\nRows already imported (same date, product, quantity and price, and the same repeat within the file)\n' +
        'are skipped, so running it twice, or again on a corrected file, does not double sales; --separate\n' +
        'matches rows only against earlier imports of this same file. Bad rows are listed with their line number and\n' +
        `the rest are imported; the exit code is then ${EXIT_SOME_ROWS_REFUSED}. Missing prices use the shop's current price.\n` +
        `A file may hold at most ${MAX_SALES_CSV_CHARS.toLocaleString('en-IN')} characters (as the dashboard); split a larger one.\n` +
        'Uses DATABASE_URL, or the embedded database under DATA_DIR like `migrate`.',
    )
    .action(async (file: string, options: ImportOptions) => run(file, options));
}
