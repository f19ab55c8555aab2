import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../src/core/catalog/default-catalog.js';
import { createProductMatcher } from '../../../../src/core/catalog/product-matcher.js';
import { readSalesCsv, SalesCsvError } from '../../../../src/core/sales-import/sales-csv.js';
import {
  checkSalesRows,
  type ImportCatalog,
  type ImportProduct,
  readImportDate,
} from '../../../../src/core/sales-import/sales-rows.js';

const catalog: ImportCatalog = {
  products: new Map<string, ImportProduct>(
    DEFAULT_CATALOG.map((product) => [
      product.id,
      {
        catalogId: product.id,
        unit: product.unit,
        pricePaise: product.pricePaise,
        costPaise: product.costPaise,
      },
    ]),
  ),
  matcher: createProductMatcher({ products: DEFAULT_CATALOG }),
};

describe('sales CSV', () => {
  it('keeps line numbers across blank lines and ignores extra columns', () => {
    const records = readSalesCsv(
      '\uFEFFDate,Product,Quantity,Price,Note\n2026-11-01,maggi,3,14,x\n\n2026-11-02,lays,2,,\n',
    );
    expect(records).toEqual([
      { line: 2, date: '2026-11-01', product: 'maggi', quantity: '3', price: '14' },
      { line: 4, date: '2026-11-02', product: 'lays', quantity: '2', price: '' },
    ]);
  });

  it('refuses a file without the required columns', () => {
    expect(() => readSalesCsv('day,item,qty\n2026-11-01,maggi,3\n')).toThrow(SalesCsvError);
    expect(() => readSalesCsv('date,product\n')).toThrow(/missing: quantity/);
  });
});

describe('checking imported sales rows', () => {
  it('reads ISO and Indian dates and refuses impossible ones', () => {
    expect(readImportDate('2026-11-01')).toBe('2026-11-01');
    expect(readImportDate('1/11/2026')).toBe('2026-11-01');
    expect(readImportDate('24-11-2026')).toBe('2026-11-24');
    expect(readImportDate('2026-02-30')).toBeUndefined();
    expect(readImportDate('yesterday')).toBeUndefined();
  });

  it('accepts catalog ids and names the matcher knows, pricing blanks at the shop price', () => {
    const { rows, problems } = checkSalesRows(
      [
        { line: 2, date: '2026-11-01', product: 'maggi', quantity: '3', price: '15' },
        { line: 3, date: '2026-11-01', product: 'Maggi noodles', quantity: '2', price: '' },
        { line: 4, date: '2026-11-01', product: 'कुरकुरे', quantity: '1.5', price: '₹1,200' },
      ],
      catalog,
      '2026-11-24',
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.catalogId, row.unitPricePaise, row.amountPaise])).toEqual([
      ['maggi', 1500, 4500],
      ['maggi', 1400, 2800],
      ['kurkure', 120_000, 180_000],
    ]);
    expect(rows[0]?.costPaise).toBe(catalog.products.get('maggi')?.costPaise);
  });

  it('reports each bad row with its line and reason and keeps the good ones', () => {
    const { rows, problems } = checkSalesRows(
      [
        { line: 2, date: '2026-13-01', product: 'maggi', quantity: '3', price: '' },
        { line: 3, date: '2026-11-01', product: 'qqqzzzx', quantity: '3', price: '' },
        { line: 4, date: '2026-11-01', product: 'maggi', quantity: '-1', price: '' },
        { line: 5, date: '2026-11-01', product: 'maggi', quantity: '2', price: 'abc' },
        { line: 6, date: '2026-12-01', product: 'maggi', quantity: '2', price: '' },
        { line: 7, date: '2026-11-01', product: 'maggi', quantity: '2', price: '' },
      ],
      catalog,
      '2026-11-24',
    );
    expect(rows.map((row) => row.line)).toEqual([7]);
    expect(problems.map((problem) => problem.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]?.reason).toMatch(/not a calendar date/);
    expect(problems[1]?.reason).toMatch(/unknown product "qqqzzzx"/);
    expect(problems[2]?.reason).toMatch(/quantity "-1"/);
    expect(problems[3]?.reason).toMatch(/price "abc"/);
    expect(problems[4]?.reason).toMatch(/in the future/);
  });

  it('gives identical rows distinct but repeatable keys', () => {
    const raw = { date: '2026-11-01', product: 'maggi', quantity: '2', price: '14' };
    const first = checkSalesRows(
      [
        { line: 2, ...raw },
        { line: 3, ...raw },
      ],
      catalog,
      '2026-11-24',
    );
    const again = checkSalesRows(
      [
        { line: 9, ...raw },
        { line: 12, ...raw },
      ],
      catalog,
      '2026-11-24',
    );
    expect(first.rows.map((row) => row.key)).toEqual([
      '2026-11-01|maggi|2|1400#1',
      '2026-11-01|maggi|2|1400#2',
    ]);
    expect(again.rows.map((row) => row.key)).toEqual(first.rows.map((row) => row.key));
  });
});
