import { BAKERY, DAIRY } from './products/dairy-bakery.js';
import { FESTIVE, OTHER } from './products/festive-other.js';
import { GRAINS } from './products/grains.js';
import { HOUSEHOLD } from './products/household.js';
import { PERSONAL_CARE } from './products/personal-care.js';
import { BEVERAGES, SNACKS } from './products/snacks-beverages.js';
import { STAPLES } from './products/staples.js';
import type { CatalogProduct } from './types.js';

export type { CatalogProduct, Category, ProductNames, Unit } from './types.js';

/** The kirana catalog every new shop starts with; a shop's own products and aliases are added on top. */
export const DEFAULT_CATALOG: CatalogProduct[] = [
  ...GRAINS,
  ...STAPLES,
  ...DAIRY,
  ...BAKERY,
  ...SNACKS,
  ...BEVERAGES,
  ...PERSONAL_CARE,
  ...HOUSEHOLD,
  ...FESTIVE,
  ...OTHER,
];
