import type { Unit } from '../catalog/types.js';

// A shopkeeper says "5 carton maggi" or "500 g jeera"; the ledger keeps every quantity in the product's own
// unit, so quantities are converted here. A unit that cannot apply ("2 kg maggi") is read as the
// product's unit rather than refused: the number is what the shopkeeper meant.

const METRIC: Partial<Record<Unit, { base: Unit; factor: number }>> = {
  g: { base: 'kg', factor: 0.001 },
  kg: { base: 'kg', factor: 1 },
  ml: { base: 'litre', factor: 0.001 },
  litre: { base: 'litre', factor: 1 },
};

/** How many of the product's unit one `said` unit is. */
export function unitFactor(said: Unit | undefined, product: { unit: Unit; packSize: number }): number {
  if (said === undefined || said === product.unit) return 1;
  const from = METRIC[said];
  const to = METRIC[product.unit];
  if (from && to && from.base === to.base) return from.factor / to.factor;
  if ((said === 'carton' || said === 'bag') && !METRIC[product.unit]) return product.packSize;
  if (said === 'dozen' && (product.unit === 'piece' || product.unit === 'packet')) return 12;
  return 1;
}

/** Quantities as shown: up to three decimals, no trailing zeros (2, 0.5, 1.25). */
export function formatQuantity(quantity: number): string {
  return String(Math.round(quantity * 1000) / 1000);
}

/** Units worth naming after a number; counted units (packets, pieces) read fine without one. */
export function showsUnit(unit: Unit): boolean {
  return unit === 'kg' || unit === 'g' || unit === 'litre' || unit === 'ml';
}
