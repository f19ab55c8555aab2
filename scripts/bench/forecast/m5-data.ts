import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EventDay, SeriesInput } from '../../../src/core/forecasting/index.js';

// Reads the M5 evaluation subset from ../shared/data/m5 (or BILLMITRA_M5_DIR). The data stays outside
// the repository: its licence allows evaluation only.

export function m5Dir(): string {
  return process.env.BILLMITRA_M5_DIR ?? resolve(import.meta.dirname, '../../../../shared/data/m5');
}

export interface M5Data {
  series: SeriesInput[];
  events: EventDay[];
  lastDate: string;
}

export function loadM5(dir = m5Dir()): M5Data {
  const sales = parse(readFileSync(resolve(dir, 'sales_long_2y.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  const byId = new Map<string, SeriesInput>();
  let lastDate = '';
  for (const r of sales) {
    const id = `${r.item_id}_${r.store_id}`;
    const s = byId.get(id) ?? { id, category: r.dept_id ?? '', points: [] };
    const price = Number(r.sell_price);
    s.points.push({ date: r.date!, units: Number(r.units), ...(price > 0 ? { price } : {}) });
    byId.set(id, s);
    if (r.date! > lastDate) lastDate = r.date!;
  }
  const calendar = parse(readFileSync(resolve(dir, 'calendar.csv')), { columns: true }) as Record<
    string,
    string
  >[];
  const events: EventDay[] = [];
  for (const r of calendar) {
    for (const name of [r.event_name_1, r.event_name_2])
      if (name) events.push({ date: r.date!, event: name });
  }
  return { series: [...byId.values()], events, lastDate };
}

/** The series cut to days before `origin`, and the actual units of the `horizon` days from it. */
export function splitAt(
  series: SeriesInput[],
  origin: string,
  horizon: number,
  lastOf: (d: string) => string,
) {
  const end = lastOf(origin);
  return series.map((s) => {
    const train = s.points.filter((p) => p.date < origin);
    const test = s.points.filter((p) => p.date >= origin && p.date <= end);
    return { input: { ...s, points: train }, actual: test.map((p) => p.units).slice(0, horizon) };
  });
}
