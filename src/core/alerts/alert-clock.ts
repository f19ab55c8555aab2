import type { ClockTime } from './types.js';

// Shop-local clock times as minutes after midnight. Quiet hours usually wrap midnight (21:30-08:00), so a
// range whose start is after its end means "from start to midnight, and from midnight to end".

export function minutesOf(time: ClockTime): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`not an HH:MM time: ${time}`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) throw new Error(`not an HH:MM time: ${time}`);
  return hours * 60 + minutes;
}

/** True when `time` is in [start, end), wrapping midnight when start > end; an empty range when equal. */
export function isWithin(time: ClockTime, start: ClockTime, end: ClockTime): boolean {
  const t = minutesOf(time);
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return false;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** True during the `hours` after `start` on the same day (a slot never runs past midnight). */
export function isInSlot(time: ClockTime, start: ClockTime, hours: number): boolean {
  const t = minutesOf(time);
  const s = minutesOf(start);
  return t >= s && t < Math.min(24 * 60, s + hours * 60);
}
