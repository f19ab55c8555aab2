import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../src/core/catalog/default-catalog.js';
import { matchKey } from '../../../../src/core/catalog/product-matcher.js';

const REQUIRED =
  `milk rice wheat atta oil maggi kurkure lays biscuits ice_cream toothpaste soap shampoo detergent bread sugar
salt tea dal eggs ghee curd paneer butter cold_drink namkeen besan poha chocolate matchbox candles diya sweets dry_fruits
gulal rakhi sevai dates`.split(/\s+/);

const byId = new Map(DEFAULT_CATALOG.map((p) => [p.id, p]));

describe('DEFAULT_CATALOG', () => {
  it('has 150+ products with unique ids, including every id the issue names', () => {
    expect(DEFAULT_CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(byId.size).toBe(DEFAULT_CATALOG.length);
    for (const id of REQUIRED) expect(byId.has(id), id).toBe(true);
  });

  it('names every product in English, Devanagari and Hinglish', () => {
    for (const p of DEFAULT_CATALOG) {
      expect(p.names.en, p.id).toMatch(/[A-Za-z]/);
      expect(p.names.hi, p.id).toMatch(/[\u0900-\u097f]/);
      expect(p.names['hi-Latn'], p.id).toMatch(/^[a-z' ]+$/);
    }
  });

  it('keeps price between cost and MRP with margins from 5% to 40%', () => {
    for (const p of DEFAULT_CATALOG) {
      expect(p.pricePaise, p.id).toBeLessThanOrEqual(p.mrpPaise);
      expect(p.costPaise, p.id).toBeLessThan(p.pricePaise);
      const margin = 1 - p.costPaise / p.pricePaise;
      expect(margin, p.id).toBeGreaterThanOrEqual(0.05);
      expect(margin, p.id).toBeLessThanOrEqual(0.4);
      expect(Number.isInteger(p.pricePaise) && Number.isInteger(p.costPaise)).toBe(true);
      expect(p.packSize, p.id).toBeGreaterThan(0);
    }
  });

  it('gives perishables short shelf lives', () => {
    expect(byId.get('milk')?.shelfLifeDays).toBe(2);
    expect(byId.get('curd')?.shelfLifeDays).toBe(3);
    expect(byId.get('bread')?.shelfLifeDays).toBe(4);
    expect(byId.get('paneer')?.shelfLifeDays).toBe(5);
    expect(byId.get('sugar')?.shelfLifeDays).toBeGreaterThan(100);
  });

  it('never gives one spelling to two products', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of DEFAULT_CATALOG) {
      const keys = new Set([p.names.en, p.names.hi, p.names['hi-Latn'], ...p.aliases].map(matchKey));
      for (const key of keys) {
        const other = owner.get(key);
        if (other !== undefined && other !== p.id) clashes.push(`${key}: ${other}/${p.id}`);
        owner.set(key, p.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});
