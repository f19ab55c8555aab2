import type { ProductNames, Unit } from '../catalog/types.js';

/** A product as one shop stocks it: the shop's own prices and stock, in the product's unit. */
export interface ShopProduct {
  /** products.id */
  id: number;
  /** The id the parser and matcher use (a default-catalog id, or custom_<slug> for shop-added items). */
  catalogId: string;
  names: ProductNames;
  unit: Unit;
  pricePaise: number;
  costPaise: number | null;
  mrpPaise: number | null;
  packSize: number;
  stockQuantity: number;
}

/** The product's name in the reply language; Hinglish names are stored lower-case, so capitalise them. */
export function productName(names: ProductNames, lang: keyof ProductNames): string {
  const name = names[lang] || names.en;
  return lang === 'hi' ? name : name.charAt(0).toUpperCase() + name.slice(1);
}
