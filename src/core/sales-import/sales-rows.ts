import type { ProductMatcher } from '../catalog/product-matcher.js';
import { rupeesToPaise } from '../money.js';

// Checks imported sales rows one by one: a bad row is reported with its line and reason and the good
// rows still go in. Each good row gets a key that is the same every time the same row is imported, so
// loading a file twice (or a corrected copy of it) never counts a sale twice.

export interface ImportProduct {
  catalogId: string;
  unit: string;
  pricePaise: number;
  /** Unit cost now; imported history has no cost of its own, so today's is the best estimate. */
  costPaise: number | null;
}

export interface ImportCatalog {
  products: ReadonlyMap<string, ImportProduct>;
  matcher: ProductMatcher;
}

export interface RawSalesRow {
  line: number;
  date: string;
  product: string;
  quantity: string;
  price: string;
}

export interface ImportSaleRow {
  line: number;
  date: string;
  catalogId: string;
  unit: string;
  quantity: number;
  unitPricePaise: number;
  amountPaise: number;
  costPaise: number | null;
  /** Stable identity of the row: date, product, quantity, price and which repeat of them it is. */
  key: string;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface CheckedRows {
  rows: ImportSaleRow[];
  problems: RowProblem[];
}

const MAX_QUANTITY = 100_000;

/** 'YYYY-MM-DD', or the Indian 'DD-MM-YYYY' / 'DD/MM/YYYY' of spreadsheet exports. */
export function readImportDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const indian = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : indian
      ? [indian[3], indian[2], indian[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return undefined;
  return date;
}

function resolveProduct(text: string, catalog: ImportCatalog): ImportProduct | string {
  const direct = catalog.products.get(text.toLowerCase());
  if (direct) return direct;
  const match = catalog.matcher.match(text);
  if (match.productId !== null) {
    const product = catalog.products.get(match.productId);
    if (product) return product;
    return `product "${text}" is not in this shop's catalog`;
  }
  const hint =
    match.candidates.length > 0 ? ` (did you mean ${match.candidates.slice(0, 3).join(', ')}?)` : '';
  return `unknown product "${text}"${hint}`;
}

function checkRow(
  raw: RawSalesRow,
  catalog: ImportCatalog,
  today: string,
): Omit<ImportSaleRow, 'key'> | string {
  const date = readImportDate(raw.date);
  if (!date) return `date "${raw.date}" is not a calendar date (use YYYY-MM-DD)`;
  if (date > today) return `date ${date} is in the future`;
  if (raw.product === '') return 'product is empty';
  const product = resolveProduct(raw.product, catalog);
  if (typeof product === 'string') return product;
  const quantity = Number(raw.quantity);
  if (raw.quantity === '' || !Number.isFinite(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
    return `quantity "${raw.quantity}" must be a number above 0 and at most ${MAX_QUANTITY}`;
  }
  let unitPricePaise = product.pricePaise;
  if (raw.price !== '') {
    const rupees = Number(raw.price.replace(/^₹/, '').replaceAll(',', ''));
    if (!Number.isFinite(rupees) || rupees < 0) return `price "${raw.price}" must be rupees, 0 or more`;
    unitPricePaise = rupeesToPaise(rupees);
  }
  return {
    line: raw.line,
    date,
    catalogId: product.catalogId,
    unit: product.unit,
    quantity,
    unitPricePaise,
    amountPaise: Math.round(unitPricePaise * quantity),
    costPaise: product.costPaise,
  };
}

export function checkSalesRows(
  raws: readonly RawSalesRow[],
  catalog: ImportCatalog,
  today: string,
): CheckedRows {
  const rows: ImportSaleRow[] = [];
  const problems: RowProblem[] = [];
  // Two identical lines in one export are two real sales; the repeat number keeps both.
  const repeats = new Map<string, number>();
  for (const raw of raws) {
    const checked = checkRow(raw, catalog, today);
    if (typeof checked === 'string') {
      problems.push({ line: raw.line, reason: checked });
      continue;
    }
    const identity = `${checked.date}|${checked.catalogId}|${checked.quantity}|${checked.unitPricePaise}`;
    const repeat = (repeats.get(identity) ?? 0) + 1;
    repeats.set(identity, repeat);
    rows.push({ ...checked, key: `${identity}#${repeat}` });
  }
  return { rows, problems };
}
