import { formatRupees } from '../money.js';
import { type ReplyText, reply } from './reply.js';
import type { ShopProduct } from './shop-product.js';

// Setting a price, cost or MRP: selling above the printed MRP is illegal in India, so it is refused with
// the reason; an MRP below today's price is refused for the same rule seen from the other side.

export type PriceField = 'price' | 'cost' | 'mrp';

export type PriceVerdict = { ok: true; warning?: ReplyText } | { ok: false; reason: ReplyText };

export function checkPriceChange(
  product: Pick<ShopProduct, 'pricePaise' | 'costPaise' | 'mrpPaise'>,
  field: PriceField,
  newPaise: number,
  name: string,
): PriceVerdict {
  if (!Number.isFinite(newPaise) || newPaise <= 0)
    return { ok: false, reason: reply('ledger:price.invalid') };
  if (field === 'price' && product.mrpPaise !== null && newPaise > product.mrpPaise)
    return {
      ok: false,
      reason: reply('ledger:price.above_mrp', {
        name,
        price: formatRupees(newPaise),
        mrp: formatRupees(product.mrpPaise),
      }),
    };
  if (field === 'mrp' && newPaise < product.pricePaise)
    return {
      ok: false,
      reason: reply('ledger:price.mrp_below_price', {
        name,
        mrp: formatRupees(newPaise),
        price: formatRupees(product.pricePaise),
      }),
    };
  const price = field === 'price' ? newPaise : product.pricePaise;
  const cost = field === 'cost' ? newPaise : product.costPaise;
  if (cost !== null && cost >= price && field !== 'mrp')
    return {
      ok: true,
      warning: reply('ledger:price.below_cost', {
        name,
        price: formatRupees(price),
        cost: formatRupees(cost),
      }),
    };
  return { ok: true };
}

export function currentPaise(
  product: Pick<ShopProduct, 'pricePaise' | 'costPaise' | 'mrpPaise'>,
  field: PriceField,
) {
  return field === 'price' ? product.pricePaise : field === 'cost' ? product.costPaise : product.mrpPaise;
}

/**
 * A purchase that names its cost updates the product's cost, so profit follows what the shop now pays.
 * Only a believable cost does: half the selling price up to 1.5× the MRP. Outside that the words were
 * more likely a total misread as a unit cost ("2 carton maggi 1150"), and a wrong cost would skew every
 * profit figure after it.
 */
export function isBelievableCost(costPaise: number, product: Pick<ShopProduct, 'pricePaise' | 'mrpPaise'>) {
  const ceiling = Math.max(product.pricePaise, product.mrpPaise ?? 0) * 1.5;
  return costPaise > 0 && costPaise >= product.pricePaise * 0.5 && costPaise <= ceiling;
}
