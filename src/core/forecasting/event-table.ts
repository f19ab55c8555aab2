import { dayNumber } from './day-math.js';
import type { EventDay } from './types.js';

// Event proximity features per calendar day. Shoppers buy ahead of a festival, so each event contributes
// four columns: the day itself, 1-3 days before, 4..leadDays before, and 1-2 days after.

export const EVENT_COLUMNS_PER_EVENT = 4;

export interface EventTable {
  vocabulary: string[];
  fromDay: number;
  toDay: number;
  width: number;
  values: Float32Array;
}

export interface EventTableOptions {
  events: readonly EventDay[];
  fromDay: number;
  toDay: number;
  leadDays?: number;
  /**
   * Last day of history. Events never seen on or before it are left out: the model has nothing to learn
   * their effect from, and untrained columns would only add noise.
   */
  historyToDay?: number;
}

export function buildEventTable(options: EventTableOptions): EventTable {
  const { fromDay, toDay } = options;
  const leadDays = Math.max(4, options.leadDays ?? 7);
  const byName = new Map<string, number[]>();
  for (const e of options.events) {
    const day = dayNumber(e.date);
    if (day < fromDay - 3 || day > toDay + leadDays) continue;
    const list = byName.get(e.event) ?? [];
    list.push(day);
    byName.set(e.event, list);
  }
  const seenBy = options.historyToDay ?? toDay;
  const vocabulary = [...byName.keys()].filter((name) => byName.get(name)!.some((d) => d <= seenBy)).sort();
  const width = vocabulary.length * EVENT_COLUMNS_PER_EVENT;
  const span = Math.max(0, toDay - fromDay + 1);
  const values = new Float32Array(span * width);
  vocabulary.forEach((name, e) => {
    for (const day of byName.get(name)!) {
      for (let offset = -leadDays; offset <= 2; offset++) {
        // offset < 0: the row's day is before the event.
        const row = day + offset - fromDay;
        if (row < 0 || row >= span) continue;
        const col = offset === 0 ? 0 : offset < 0 && offset >= -3 ? 1 : offset < 0 ? 2 : 3;
        values[row * width + e * EVENT_COLUMNS_PER_EVENT + col] = 1;
      }
    }
  });
  return { vocabulary, fromDay, toDay, width, values };
}

/** Copies the event columns of `day` into `out` at `offset` (zeros outside the table's range). */
export function writeEventColumns(table: EventTable, day: number, out: Float32Array, offset: number): void {
  if (day < table.fromDay || day > table.toDay) return;
  const start = (day - table.fromDay) * table.width;
  out.set(table.values.subarray(start, start + table.width), offset);
}

/** Events whose day or lead window touches `day`, for explanations. */
export function eventsNear(table: EventTable, day: number): string[] {
  if (day < table.fromDay || day > table.toDay) return [];
  const start = (day - table.fromDay) * table.width;
  const names: string[] = [];
  table.vocabulary.forEach((name, e) => {
    for (let c = 0; c < EVENT_COLUMNS_PER_EVENT; c++) {
      if (table.values[start + e * EVENT_COLUMNS_PER_EVENT + c]! > 0) {
        names.push(name);
        return;
      }
    }
  });
  return names;
}
