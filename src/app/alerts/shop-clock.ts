import { localDate } from '../../core/language/days.js';

// The shop-local day and wall-clock time of a moment: alerts belong to the shop's morning and evening,
// not the server's.

const formatters = new Map<string, Intl.DateTimeFormat>();

export function localTime(at: Date, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(at);
}

export function shopMoment(at: Date, timeZone: string): { date: string; time: string } {
  return { date: localDate(at, timeZone), time: localTime(at, timeZone) };
}
