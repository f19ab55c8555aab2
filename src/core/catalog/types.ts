// The shape every product in a shop's catalog has; the default catalog and shop-added products share it.

export type Category =
  | 'snacks'
  | 'personal_care'
  | 'household'
  | 'dairy'
  | 'grains'
  | 'staples'
  | 'beverages'
  | 'festive'
  | 'bakery'
  | 'other';

/** Units a quantity can be said in; products are stocked in one of them. */
export type Unit = 'kg' | 'g' | 'litre' | 'ml' | 'packet' | 'piece' | 'dozen' | 'carton' | 'bottle' | 'bag';

export interface ProductNames {
  en: string;
  hi: string;
  'hi-Latn': string;
}

export interface CatalogProduct {
  id: string;
  names: ProductNames;
  /** Spellings, misspellings and brand names shopkeepers use for this item (any script). */
  aliases: string[];
  category: Category;
  unit: Unit;
  pricePaise: number;
  costPaise: number;
  mrpPaise: number;
  /** Supplier pack or carton size, in the product's unit. */
  packSize: number;
  shelfLifeDays: number;
}
