import type { ShopProduct } from '../../../../src/core/conversation/shop-product.js';

export function product(overrides: Partial<ShopProduct> = {}): ShopProduct {
  return {
    id: 1,
    catalogId: 'maggi',
    names: { en: 'Maggi noodles', hi: 'मैगी', 'hi-Latn': 'maggi' },
    unit: 'packet',
    pricePaise: 1400,
    costPaise: 1150,
    mrpPaise: 1500,
    packSize: 96,
    stockQuantity: 0,
    ...overrides,
  };
}
