import { parse } from 'csv-parse/sync';

// Reads a sales export `date,product,quantity[,price]` into records that remember their line number, so
// every complaint about a row can say where it is. Column names are matched without case; other columns
// (a shop's own export may have more) are ignored.

export const REQUIRED_COLUMNS = ['date', 'product', 'quantity'] as const;

export interface SalesCsvRecord {
  line: number;
  date: string;
  product: string;
  quantity: string;
  /** Rupees as written; empty when the file has no price column or the cell is blank. */
  price: string;
}

export class SalesCsvError extends Error {
  override name = 'SalesCsvError';
}

export function readSalesCsv(text: string): SalesCsvRecord[] {
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new SalesCsvError(`not a readable CSV file: ${(error as Error).message}`);
  }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const header = firstLine.split(',').map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new SalesCsvError(
      `the first line must name the columns date,product,quantity[,price]; missing: ${missing.join(', ')}`,
    );
  }
  return rows.map(({ record, info }) => ({
    line: info.lines,
    date: record.date ?? '',
    product: record.product ?? '',
    quantity: record.quantity ?? '',
    price: record.price ?? '',
  }));
}
