import { dayOfMonthOfDay, monthOfDay, weekdayOfDay } from './day-math.js';
import { type EventTable, writeEventColumns } from './event-table.js';
import { imputeMissing, type SeriesFrame } from './series-frame.js';

// Direct-horizon features for a global model: everything is measured at the forecast origin and divided
// by the series' recent level, so one model can learn weekday, payday, price and event effects across
// items that sell 0.2 or 200 units a day.

const BASE_COLUMNS = 36;
const MAX_TARGET_RATIO = 30;

export interface FeatureLayout {
  categories: string[];
  events: EventTable;
  width: number;
  /** Column where the event block starts (used to switch events off for explanations and ablations). */
  eventOffset: number;
}

export function featureLayout(categories: readonly string[], events: EventTable): FeatureLayout {
  const cats = [...new Set(categories)]
    .filter((c) => c !== '')
    .sort()
    .slice(0, 12);
  const eventOffset = BASE_COLUMNS + cats.length;
  return { categories: cats, events, width: eventOffset + events.width, eventOffset };
}

/** Per-series arrays reused for every origin: prefix sums make each window mean O(1). */
export interface SeriesContext {
  frame: SeriesFrame;
  filled: Float64Array;
  sum: Float64Array;
  count: Float64Array;
  zeros: Float64Array;
  sq: Float64Array;
}

export function seriesContext(frame: SeriesFrame): SeriesContext {
  const n = frame.units.length;
  const sum = new Float64Array(n + 1);
  const count = new Float64Array(n + 1);
  const zeros = new Float64Array(n + 1);
  const sq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const v = frame.units[i]!;
    const known = !Number.isNaN(v);
    sum[i + 1] = sum[i]! + (known ? v : 0);
    sq[i + 1] = sq[i]! + (known ? v * v : 0);
    count[i + 1] = count[i]! + (known ? 1 : 0);
    zeros[i + 1] = zeros[i]! + (known && v === 0 ? 1 : 0);
  }
  return { frame, filled: imputeMissing(frame.units), sum, count, zeros, sq };
}

function meanBetween(ctx: SeriesContext, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.max(a, to);
  const c = ctx.count[b]! - ctx.count[a]!;
  return c > 0 ? (ctx.sum[b]! - ctx.sum[a]!) / c : Number.NaN;
}

/** The level that targets and level features are divided by. */
export function originScale(ctx: SeriesContext, origin: number): number {
  const m28 = meanBetween(ctx, origin - 28, origin);
  const m112 = meanBetween(ctx, origin - 112, origin);
  return Math.max(Number.isNaN(m28) ? 0 : m28, Number.isNaN(m112) ? 0 : 0.5 * m112, 0.05);
}

/**
 * The 28-day mean in target units. The global model learns corrections to it (residual learning), so an
 * untrained or unsure model falls back to the strongest simple method rather than to noise.
 */
export function baselineRatio(ctx: SeriesContext, origin: number): number {
  const m28 = meanBetween(ctx, origin - 28, origin);
  return Number.isFinite(m28) ? Math.min(MAX_TARGET_RATIO, m28 / originScale(ctx, origin)) : 1;
}

export function targetRatio(ctx: SeriesContext, origin: number, index: number): number {
  const v = ctx.frame.units[index];
  if (v === undefined || Number.isNaN(v)) return Number.NaN;
  return Math.min(MAX_TARGET_RATIO, v / originScale(ctx, origin));
}

function priceAt(ctx: SeriesContext, index: number): number {
  const p = ctx.frame.price;
  return p.length === 0 ? Number.NaN : p[Math.min(p.length - 1, Math.max(0, index))]!;
}

/** Mean of the `take` latest history days (before `origin`) that fall on the same weekday as `target`. */
function sameWeekday(ctx: SeriesContext, origin: number, target: number, take: number): number {
  let t = target - 7;
  while (t >= origin) t -= 7;
  let s = 0;
  let n = 0;
  for (; t >= 0 && n < take; t -= 7) {
    s += ctx.filled[t]!;
    n += 1;
  }
  return n ? s / n : Number.NaN;
}

function lagValue(ctx: SeriesContext, origin: number, target: number, lag: number): number {
  const t = target - lag;
  if (t < 0) return Number.NaN;
  return t < origin ? ctx.filled[t]! : sameWeekday(ctx, origin, target, 1);
}

const orOne = (v: number): number => (Number.isFinite(v) ? v : 1);
const orZero = (v: number): number => (Number.isFinite(v) ? v : 0);

/**
 * Writes the feature row for forecasting day `origin + h - 1` from history `[0, origin)` into `out`.
 * `h` is 1-based.
 */
export function writeFeatures(
  layout: FeatureLayout,
  ctx: SeriesContext,
  origin: number,
  h: number,
  out: Float32Array,
  offset: number,
): void {
  const target = origin + h - 1;
  const day = ctx.frame.startDay + target;
  const scale = originScale(ctx, origin);
  const rel = (v: number): number => (Number.isFinite(v) ? Math.min(v / scale, MAX_TARGET_RATIO) : 1);
  const m28 = meanBetween(ctx, origin - 28, origin);
  const m112 = meanBetween(ctx, origin - 112, origin);
  const known28 = ctx.count[origin]! - ctx.count[Math.max(0, origin - 28)]!;
  const sq28 = ctx.sq[origin]! - ctx.sq[Math.max(0, origin - 28)]!;
  const var28 = known28 > 1 ? Math.max(0, sq28 / known28 - (m28 || 0) ** 2) : 0;
  let sinceSale = 0;
  while (sinceSale < 56 && origin - 1 - sinceSale >= 0 && !(ctx.filled[origin - 1 - sinceSale]! > 0))
    sinceSale++;
  const yearBase = meanBetween(ctx, origin - 364 - 28, origin - 364);
  const hasYear = origin - 364 - 28 >= 0 && yearBase > 0;
  const yearRatio = hasYear ? meanBetween(ctx, target - 367, target - 360) / yearBase : 1;
  const lastPrice = priceAt(ctx, origin - 1);
  const price28 = meanFinite(ctx.frame.price, origin - 28, origin);
  const priceMax = maxFinite(ctx.frame.price, origin - 364, origin);
  const weekday = weekdayOfDay(day);
  const month = monthOfDay(day);
  const dom = dayOfMonthOfDay(day);
  const f = out;
  let c = offset;
  f[c++] = h / 28;
  f[c++] = rel(meanBetween(ctx, origin - 7, origin));
  f[c++] = rel(meanBetween(ctx, origin - 14, origin));
  f[c++] = rel(m28);
  f[c++] = rel(meanBetween(ctx, origin - 56, origin));
  f[c++] = rel(m112);
  f[c++] = rel(meanBetween(ctx, origin - 364, origin));
  f[c++] = Math.min(Math.sqrt(var28) / scale, 10);
  f[c++] = known28 ? (ctx.zeros[origin]! - ctx.zeros[Math.max(0, origin - 28)]!) / known28 : 0;
  f[c++] = sinceSale / 28;
  f[c++] = 1 - known28 / Math.min(28, Math.max(1, origin));
  f[c++] = Math.log1p(Number.isFinite(m28) ? m28 : 0);
  f[c++] = Math.min(origin, 364) / 364;
  f[c++] = rel(sameWeekday(ctx, origin, target, 1));
  f[c++] = rel(sameWeekday(ctx, origin, target, 4));
  f[c++] = rel(sameWeekday(ctx, origin, target, 8));
  f[c++] = rel(lagValue(ctx, origin, target, 7));
  f[c++] = rel(lagValue(ctx, origin, target, 14));
  f[c++] = rel(lagValue(ctx, origin, target, 28));
  f[c++] = hasYear ? Math.min(5, orOne(yearRatio)) : 1;
  f[c++] = hasYear ? 1 : 0;
  for (let w = 0; w < 7; w++) f[c++] = w === weekday ? 1 : 0;
  f[c++] = Math.sin((2 * Math.PI * month) / 12);
  f[c++] = Math.cos((2 * Math.PI * month) / 12);
  f[c++] = dom <= 7 ? 1 : 0;
  f[c++] = dom / 31;
  f[c++] = orOne(lastPrice / price28);
  f[c++] = orOne(lastPrice / priceMax);
  f[c++] = orZero(Math.log(lastPrice / priceAt(ctx, origin - 8)));
  f[c++] = Number.isFinite(lastPrice) ? Math.log1p(lastPrice) / 5 : 0;
  f.fill(0, c, offset + layout.width);
  const catIndex = layout.categories.indexOf(ctx.frame.category);
  if (catIndex >= 0) f[offset + BASE_COLUMNS + catIndex] = 1;
  writeEventColumns(layout.events, day, f, offset + layout.eventOffset);
}

function meanFinite(xs: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(xs.length, to); i++) {
    if (Number.isFinite(xs[i]!)) {
      s += xs[i]!;
      n++;
    }
  }
  return n ? s / n : Number.NaN;
}

function maxFinite(xs: Float64Array, from: number, to: number): number {
  let m = Number.NaN;
  for (let i = Math.max(0, from); i < Math.min(xs.length, to); i++) {
    if (Number.isFinite(xs[i]!) && !(xs[i]! <= m)) m = xs[i]!;
  }
  return m;
}
