import { addDays, istDateOf, istMidnight } from './ist-time.js';
import {
  moonriseAfterNoon,
  nextElongation,
  type Place,
  siderealMoonLongitude,
  sunrise,
  sunset,
} from './sky.js';

/**
 * How a festival picks its civil day from a tithi that usually straddles two days.
 * - sunrise: the tithi in force at sunrise (udaya tithi); a kshaya tithi that touches no sunrise goes to
 *   the day it begins in.
 * - pradosh / madhyahna / aparahna / nishita: the day whose kala (evening, midday, afternoon, midnight
 *   period) the tithi covers most; ties go to `prefer`. 'last-touching' takes the later day whenever the
 *   tithi reaches into its kala at all (Dhanteras: 9 Nov 2015, 28 Oct 2016, 23 Oct 2022 had minutes).
 * - moonrise: the tithi in force at moonrise, else the sunrise rule.
 * - purnima-avoiding-bhadra: Holika Dahan and Raksha Bandhan (see resolvePurnimaAvoidingBhadra).
 * - vijaya-dashami: Dussehra (see resolveVijayaDashami).
 */
export type TithiRule =
  | { kind: 'sunrise' }
  | { kind: 'kala'; kala: Kala; prefer: KalaPreference }
  | { kind: 'moonrise' }
  | { kind: 'purnima-avoiding-bhadra'; festival: 'holika_dahan' | 'raksha_bandhan' }
  | { kind: 'vijaya-dashami' };

export type Kala = 'pradosh' | 'madhyahna' | 'aparahna' | 'nishita';
export type KalaPreference = 'first' | 'last' | 'last-touching';

export interface TithiSpan {
  startMs: number;
  endMs: number;
}

/** Per-computation memo of sunrise/sunset: each rule asks about the same few days many times. */
export interface DayClock {
  place: Place;
  sunrise(date: string): number;
  sunset(date: string): number;
}

export function createDayClock(place: Place): DayClock {
  const rises = new Map<string, number>();
  const sets = new Map<string, number>();
  const memo = (cache: Map<string, number>, date: string, compute: () => number): number => {
    const hit = cache.get(date);
    if (hit !== undefined) return hit;
    const value = compute();
    cache.set(date, value);
    return value;
  };
  return {
    place,
    sunrise: (date) => memo(rises, date, () => sunrise(date, place)),
    sunset: (date) => memo(sets, date, () => sunset(date, place)),
  };
}

function kalaWindow(clock: DayClock, date: string, kala: Kala): TithiSpan {
  const rise = clock.sunrise(date);
  const set = clock.sunset(date);
  const day = set - rise;
  const night = clock.sunrise(addDays(date, 1)) - set;
  switch (kala) {
    // Day and night are each 15 muhurtas: pradosh is the first three after sunset, nishita the eighth
    // of the night, madhyahna and aparahna the third and fourth fifths of daylight.
    case 'pradosh':
      return { startMs: set, endMs: set + night / 5 };
    case 'nishita':
      return { startMs: set + (7 * night) / 15, endMs: set + (8 * night) / 15 };
    case 'madhyahna':
      return { startMs: rise + (2 * day) / 5, endMs: rise + (3 * day) / 5 };
    case 'aparahna':
      return { startMs: rise + (3 * day) / 5, endMs: rise + (4 * day) / 5 };
  }
}

const overlap = (a: TithiSpan, b: TithiSpan): number =>
  Math.max(0, Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs));

/** Civil days a tithi can be assigned to: from the day before it starts to the day it ends. */
function candidateDays(span: TithiSpan): string[] {
  const days: string[] = [];
  const last = istDateOf(span.endMs);
  for (let day = addDays(istDateOf(span.startMs), -1); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

export function resolveBySunrise(span: TithiSpan, clock: DayClock): string {
  for (const day of candidateDays(span)) {
    const rise = clock.sunrise(day);
    if (rise >= span.startMs && rise < span.endMs) return day;
  }
  const startDay = istDateOf(span.startMs);
  return span.startMs < clock.sunrise(startDay) ? addDays(startDay, -1) : startDay;
}

function resolveByKala(span: TithiSpan, clock: DayClock, kala: Kala, prefer: KalaPreference): string {
  let best: string | undefined;
  let bestOverlap = 0;
  // A minute of slack so that two fully covered kalas of slightly different length count as a tie.
  const slack = 60_000;
  for (const day of candidateDays(span)) {
    const covered = overlap(span, kalaWindow(clock, day, kala));
    if (covered <= 0) continue;
    const better =
      prefer === 'last-touching' ||
      (prefer === 'first' ? covered > bestOverlap + slack : covered >= bestOverlap - slack);
    if (best === undefined || better) {
      best = day;
      bestOverlap = Math.max(bestOverlap, covered);
    }
  }
  return best ?? resolveBySunrise(span, clock);
}

function resolveByMoonrise(span: TithiSpan, clock: DayClock): string {
  for (const day of candidateDays(span)) {
    const rise = moonriseAfterNoon(day, clock.place);
    if (rise >= span.startMs && rise < span.endMs) return day;
  }
  return resolveBySunrise(span, clock);
}

/**
 * Holika Dahan and Raksha Bandhan are done on the Purnima but never in bhadra (Vishti karana, the first
 * half of the Purnima tithi). On the day the Purnima begins, if bhadra is over inside the allowed period
 * (Holika: from sunset to midnight; Raksha: aparahna and pradosh), that day. Otherwise the next day, when
 * the Purnima still lasts long enough after its sunrise (Holika: three prahars, i.e. 3/4 of daylight;
 * Raksha: three muhurtas, i.e. 3/15 of daylight); failing that, the first day once bhadra is over.
 */
function resolvePurnimaAvoidingBhadra(
  span: TithiSpan,
  clock: DayClock,
  festival: 'holika_dahan' | 'raksha_bandhan',
): string {
  const bhadraEnd = nextElongation(174, span.startMs);
  const first = istDateOf(span.startMs);
  const allowedUntil =
    festival === 'holika_dahan' ? istMidnight(addDays(first, 1)) : kalaWindow(clock, first, 'pradosh').endMs;
  const allowedFrom =
    festival === 'holika_dahan' ? clock.sunset(first) : kalaWindow(clock, first, 'aparahna').startMs;
  const freeFrom = Math.max(bhadraEnd, allowedFrom, span.startMs);
  if (freeFrom < Math.min(allowedUntil, span.endMs)) return first;
  const next = addDays(first, 1);
  const rise = clock.sunrise(next);
  const daylight = clock.sunset(next) - rise;
  const needed = festival === 'holika_dahan' ? (3 * daylight) / 4 : (3 * daylight) / 15;
  return span.endMs - rise >= needed ? next : first;
}

/** Shravana, the 22nd nakshatra: sidereal moon between 280° and 293°20'. */
const inShravanaNakshatra = (instantMs: number): boolean => {
  const moon = siderealMoonLongitude(instantMs);
  return moon >= 280 && moon < 280 + 40 / 3;
};

/**
 * Dussehra wants Dashami in the aparahna (the day covering more of it), except that the day Dashami is in
 * force at sunrise wins when its aparahna has the Shravana nakshatra: 8 Oct 2019 and 5 Oct 2022, while
 * 19 Oct 2018 and 12 Oct 2024 follow the aparahna.
 */
function resolveVijayaDashami(span: TithiSpan, clock: DayClock): string {
  const udaya = resolveBySunrise(span, clock);
  const rise = clock.sunrise(udaya);
  const afternoon = kalaWindow(clock, udaya, 'aparahna');
  const middle = (afternoon.startMs + afternoon.endMs) / 2;
  if (rise >= span.startMs && rise < span.endMs && inShravanaNakshatra(middle)) return udaya;
  return resolveByKala(span, clock, 'aparahna', 'first');
}

export function resolveTithi(span: TithiSpan, rule: TithiRule, clock: DayClock): string {
  switch (rule.kind) {
    case 'sunrise':
      return resolveBySunrise(span, clock);
    case 'kala':
      return resolveByKala(span, clock, rule.kala, rule.prefer);
    case 'moonrise':
      return resolveByMoonrise(span, clock);
    case 'purnima-avoiding-bhadra':
      return resolvePurnimaAvoidingBhadra(span, clock, rule.festival);
    case 'vijaya-dashami':
      return resolveVijayaDashami(span, clock);
  }
}
