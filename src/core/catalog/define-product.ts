import type { CatalogProduct, Category, Unit } from './types.js';

// Catalog rows are kept as one pipe-separated line per product so a shopkeeper's-eye review of 150+ items
// fits on a screen; this turns a table into products once, at module load.
//   id | English | हिन्दी | Hinglish | unit | price ₹ | MRP ₹ (blank = price) | margin | pack | shelf days | aliases, ...
// The margin is the shop's share of the selling price (0.13 for staples up to 0.3 for branded snacks).

const UNITS: ReadonlySet<string> = new Set([
  'kg',
  'g',
  'litre',
  'ml',
  'packet',
  'piece',
  'dozen',
  'carton',
  'bottle',
  'bag',
]);

export function productsFromTable(category: Category, table: string): CatalogProduct[] {
  const products: CatalogProduct[] = [];
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length !== 11) throw new Error(`catalog row needs 11 cells: ${line}`);
    const [id, en, hi, hiLatn, unit, price, mrp, margin, pack, shelf, aliases] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!UNITS.has(unit)) throw new Error(`catalog row ${id} has unknown unit ${unit}`);
    const pricePaise = Math.round(Number(price) * 100);
    const mrpPaise = mrp === '' ? pricePaise : Math.round(Number(mrp) * 100);
    products.push({
      id,
      names: { en, hi, 'hi-Latn': hiLatn },
      aliases: aliases === '' ? [] : aliases.split(',').map((alias) => alias.trim()),
      category,
      unit: unit as Unit,
      pricePaise,
      costPaise: Math.round(pricePaise * (1 - Number(margin))),
      mrpPaise: Math.max(pricePaise, mrpPaise),
      packSize: Number(pack),
      shelfLifeDays: Number(shelf),
    });
  }
  return products;
}
