import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isIsoDate } from './day-math.js';
import type { EventDay, ForecastResult, SeriesInput } from './types.js';

// The CSV contract of `billmitra forecast`: text in, plain data out (reading files is the caller's job).
// Errors name the line so a shopkeeper's export can be fixed by hand.

export class CsvFormatError extends Error {}

function rowsOf(text: string, what: string, required: string[]): { records: Record<string, string>[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw new CsvFormatError(
      `${what}: not valid CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (records.length === 0)
    throw new CsvFormatError(`${what}: no data rows (expected columns ${required.join(',')})`);
  const header = Object.keys(records[0]!);
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new CsvFormatError(`${what}: missing column(s) ${missing.join(', ')}; found ${header.join(',')}`);
  }
  return { records };
}

function parseDate(value: string | undefined, line: number, what: string): string {
  if (!value || !isIsoDate(value))
    throw new CsvFormatError(`${what} line ${line}: date "${value ?? ''}" is not YYYY-MM-DD`);
  return value;
}

function parseNumber(value: string | undefined, line: number, what: string, column: string): number {
  const n = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(n) || n < 0) {
    throw new CsvFormatError(`${what} line ${line}: ${column} "${value ?? ''}" is not a non-negative number`);
  }
  return n;
}

/** Columns `date,series_id,units[,price][,in_stock][,category]`; one row per series and day. */
export function parseSalesCsv(text: string, what = 'sales file'): SeriesInput[] {
  const { records } = rowsOf(text, what, ['date', 'series_id', 'units']);
  const bySeries = new Map<string, SeriesInput>();
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const line = i + 2;
    const id = r.series_id ?? '';
    if (id === '') throw new CsvFormatError(`${what} line ${line}: empty series_id`);
    const date = parseDate(r.date, line, what);
    const key = `${id}|${date}`;
    if (seen.has(key)) throw new CsvFormatError(`${what} line ${line}: second row for ${id} on ${date}`);
    seen.add(key);
    const units = parseNumber(r.units, line, what, 'units');
    const price =
      r.price === undefined || r.price === '' ? undefined : parseNumber(r.price, line, what, 'price');
    const stock = (r.in_stock ?? '').toLowerCase();
    const series = bySeries.get(id) ?? { id, points: [], ...(r.category ? { category: r.category } : {}) };
    series.points.push({
      date,
      units,
      ...(price === undefined ? {} : { price }),
      ...(stock === '0' || stock === 'false' || stock === 'no' ? { inStock: false } : {}),
    });
    bySeries.set(id, series);
  });
  return [...bySeries.values()];
}

/** Columns `date,event`. */
export function parseEventsCsv(text: string, what = 'events file'): EventDay[] {
  const { records } = rowsOf(text, what, ['date', 'event']);
  return records.map((r, i) => {
    const date = parseDate(r.date, i + 2, what);
    const event = r.event ?? '';
    if (event === '') throw new CsvFormatError(`${what} line ${i + 2}: empty event name`);
    return { date, event };
  });
}

/** Output columns `series_id,date,mean,p10,p50,p90`. */
export function formatForecastCsv(results: readonly ForecastResult[]): string {
  const rows: (string | number)[][] = [];
  for (const r of results)
    for (const d of r.days) rows.push([r.seriesId, d.date, d.mean, d.p10, d.p50, d.p90]);
  return stringify(rows, { header: true, columns: ['series_id', 'date', 'mean', 'p10', 'p50', 'p90'] });
}
