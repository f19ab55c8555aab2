import { dayNumber } from './day-math.js';
import type { SeriesInput } from './types.js';

// A series laid out on consecutive days so models can index by position. Demand on a stock-out day is
// unknown (NaN), not zero: an empty shelf sells nothing whatever the demand was.

export interface SeriesFrame {
  id: string;
  category: string;
  /** Day number (days since 1970-01-01) of index 0. */
  startDay: number;
  /** Units per day; NaN where demand is unknown. */
  units: Float64Array;
  /** Shelf price per day, carried forward (and back to the start); NaN when the series has no prices. */
  price: Float64Array;
}

/**
 * Lays a series out from its first date to `endDay` (inclusive). Days without a row count as no sale,
 * because a shop ledger records sales and silence means none were made.
 */
export function buildFrame(series: SeriesInput, endDay: number): SeriesFrame {
  let startDay = Number.POSITIVE_INFINITY;
  for (const p of series.points) startDay = Math.min(startDay, dayNumber(p.date));
  if (!Number.isFinite(startDay) || startDay > endDay) startDay = endDay;
  const length = endDay - startDay + 1;
  const units = new Float64Array(length);
  const price = new Float64Array(length).fill(Number.NaN);
  for (const p of series.points) {
    const i = dayNumber(p.date) - startDay;
    if (i < 0 || i >= length) continue;
    units[i] = p.inStock === false ? Number.NaN : Math.max(0, p.units);
    if (p.price !== undefined && Number.isFinite(p.price) && p.price > 0) price[i] = p.price;
  }
  fillPrices(price);
  return { id: series.id, category: series.category ?? '', startDay, units, price };
}

function fillPrices(price: Float64Array): void {
  let last = Number.NaN;
  for (let i = 0; i < price.length; i++) {
    if (Number.isNaN(price[i]!)) price[i] = last;
    else last = price[i]!;
  }
  let first = Number.NaN;
  for (let i = price.length - 1; i >= 0; i--) {
    if (Number.isNaN(price[i]!)) price[i] = first;
    else first = price[i]!;
  }
}

/**
 * Fills unknown days with the mean of the 28 known days before them (or after, at the start), so models
 * that need an unbroken series see a plausible demand rather than a false zero.
 */
export function imputeMissing(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  const known: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    if (!Number.isNaN(v)) known.push(v);
    else if (known.length > 0) out[i] = mean(known.slice(-28));
  }
  const lead = known.length ? mean(known.slice(0, 28)) : 0;
  for (let i = 0; i < out.length && Number.isNaN(out[i]!); i++) out[i] = lead;
  return out;
}

function mean(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

/** Index of the first positive sale, or -1. */
export function firstSaleIndex(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) return i;
  return -1;
}

/** Mean of the known values in [from, to) (clamped to the array); NaN if none. */
export function windowMean(values: ArrayLike<number>, from: number, to: number): number {
  let n = 0;
  let s = 0;
  for (let i = Math.max(0, from); i < Math.min(values.length, to); i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    n += 1;
    s += v;
  }
  return n ? s / n : Number.NaN;
}
