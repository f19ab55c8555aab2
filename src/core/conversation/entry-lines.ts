import type { Unit } from '../catalog/types.js';
import { rupeesToPaise } from '../money.js';
import { unitFactor } from './quantities.js';
import type { ShopProduct } from './shop-product.js';

// Sale and purchase lines as the ledger stores them: quantity in the product's unit, integer paise. The
// price comes from the message when it names one (per unit or a line total), else the shop's own price
// (selling price for a sale, cost for a purchase).

export interface SaidLine {
  quantity?: number;
  unit?: Unit;
  /** Rupees for one of the said unit. */
  unitPrice?: number;
  /** Rupees for the whole line. */
  amount?: number;
}

export interface PricedLine {
  product: ShopProduct;
  quantity: number;
  unitPricePaise: number;
  amountPaise: number;
  /** True when the price came from the message rather than the shop's list. */
  priceSaid: boolean;
  /** True when the message gave no count ("maggi, kurkure") and 1 was taken: the confirmation says so. */
  quantityAssumed?: boolean;
}

export function priceSaleLine(product: ShopProduct, said: SaidLine): PricedLine {
  return { ...priceLine(product, said, product.pricePaise), quantityAssumed: said.quantity === undefined };
}

/** Purchases without a said cost are valued at the product's known cost (null: value unknown). */
export function pricePurchaseLine(product: ShopProduct, said: SaidLine): PricedLine & { known: boolean } {
  const line = priceLine(product, said, product.costPaise ?? 0);
  return {
    ...line,
    quantityAssumed: said.quantity === undefined,
    known: line.priceSaid || product.costPaise !== null,
  };
}

function priceLine(product: ShopProduct, said: SaidLine, listPaise: number): PricedLine {
  const factor = unitFactor(said.unit, product);
  const quantity = (said.quantity ?? 1) * factor;
  if (said.amount !== undefined && quantity > 0) {
    const amountPaise = rupeesToPaise(said.amount);
    if (looksLikeUnitPrice(amountPaise, quantity, listPaise))
      return priceLine(product, { ...said, amount: undefined, unitPrice: said.amount }, listPaise);
    return {
      product,
      quantity,
      unitPricePaise: Math.round(amountPaise / quantity),
      amountPaise,
      priceSaid: true,
    };
  }
  if (said.unitPrice !== undefined) {
    // The amount is the said price times the said count ("2 peti, 1150 ki ek" is ₹2,300 exactly); only the
    // per-packet price stored on the row is rounded, so rounding never leaks into the money total.
    const saidPaise = rupeesToPaise(said.unitPrice);
    return {
      product,
      quantity,
      unitPricePaise: Math.round(saidPaise / factor),
      amountPaise: Math.round(saidPaise * (said.quantity ?? 1)),
      priceSaid: true,
    };
  }
  return {
    product,
    quantity,
    unitPricePaise: listPaise,
    amountPaise: Math.round(listPaise * quantity),
    priceSaid: false,
  };
}

/**
 * "3 maggi 15 rs" reads as a line total to the parser, but ₹5 a packet for a ₹14 item is implausible while
 * ₹15 each is what the shopkeeper meant. A said amount near one unit's list price, on a line of several
 * units, is taken as the unit price.
 */
export function looksLikeUnitPrice(amountPaise: number, quantity: number, listPaise: number): boolean {
  if (quantity <= 1 || listPaise <= 0) return false;
  const perUnit = amountPaise / quantity;
  return amountPaise >= listPaise * 0.7 && amountPaise <= listPaise * 1.5 && perUnit < listPaise * 0.5;
}

export function totalPaise(lines: readonly { amountPaise: number }[]): number {
  return lines.reduce((sum, line) => sum + line.amountPaise, 0);
}
