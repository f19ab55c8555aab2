import { festivalsBetween } from '../festivals/index.js';
import type { EventDay } from './types.js';

// The built-in Indian festival calendar as forecasting events, and the rule for user-supplied events.

export interface FestivalEventOptions {
  fromYear: number;
  toYear: number;
  /** A state code (e.g. 'TN') to use that state's festivals only. */
  state?: string;
}

export function defaultFestivalEvents(options: FestivalEventOptions): EventDay[] {
  const state = options.state === undefined ? undefined : { state: options.state };
  return festivalsBetween(options.fromYear, options.toYear, state).map((f) => ({
    date: f.date,
    event: f.id,
  }));
}

/**
 * User events add to the built-in ones, except that an event name given by the user replaces every
 * built-in date of that name (so a shop can correct a festival its region keeps on another day).
 */
export function mergeEvents(builtIn: readonly EventDay[], custom: readonly EventDay[]): EventDay[] {
  const replaced = new Set(custom.map((e) => e.event));
  const merged = [...builtIn.filter((e) => !replaced.has(e.event)), ...custom];
  const seen = new Set<string>();
  return merged
    .filter((e) => {
      const key = `${e.date}|${e.event}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
