import { daysBetween } from './local-date.js';

// Stock that will not sell before it expires. Sales take the first-to-expire batch first, so what is at
// risk is that batch: the units in it beyond what is expected to sell until the day it expires (the
// expiry day itself is not counted as a selling day: milk "expiring 28th" is off the shelf that morning).

export interface ExpiringBatch {
  /** YYYY-MM-DD */
  expiresOn: string;
  /** Units left in batches expiring that day. */
  remaining: number;
}

export interface ExpiryRisk {
  expiresOn: string;
  daysToExpiry: number;
  /** Units expiring that day that are still on the shelf (never more than the stock on hand). */
  units: number;
  /** Units expected to sell before then at today's price. */
  expectedSales: number;
  /** Units that will not sell in time. */
  unsold: number;
}

export function expiryRisk(input: {
  today: string;
  batch: ExpiringBatch;
  stockOnHand: number;
  dailyUnits: number;
}): ExpiryRisk | null {
  const daysToExpiry = daysBetween(input.today, input.batch.expiresOn);
  // A count below what the batches say means some went unrecorded (spoiled, given away): trust the count.
  const units = Math.min(input.batch.remaining, Math.max(0, input.stockOnHand));
  if (daysToExpiry < 0 || units <= 0) return null;
  const expectedSales = Math.max(0, input.dailyUnits) * daysToExpiry;
  return {
    expiresOn: input.batch.expiresOn,
    daysToExpiry,
    units,
    expectedSales,
    unsold: Math.max(0, units - expectedSales),
  };
}
