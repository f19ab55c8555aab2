import { Body, MoonPhase, Observer, SearchMoonPhase, SearchRiseSet, SunPosition } from 'astronomy-engine';
import { DAY_MS, istMidnight } from './ist-time.js';

/** Where sunrise and moonrise are taken; panchangs published for north India use New Delhi. */
export interface Place {
  latitude: number;
  longitude: number;
}

export const NEW_DELHI: Place = { latitude: 28.6139, longitude: 77.209 };
export const CHENNAI: Place = { latitude: 13.0827, longitude: 80.2707 };
export const THIRUVANANTHAPURAM: Place = { latitude: 8.5241, longitude: 76.9366 };

// Lahiri is anchored at 21 March 1956 (JD 2435553.5), the Indian Calendar Reform Committee's epoch:
// 23°15'00.658" less nutation, i.e. a mean 23.2455°; from there it grows with the general precession,
// 5028.796"/century.
const LAHIRI_EPOCH_MS = Date.UTC(1956, 2, 21);
const LAHIRI_AT_EPOCH = 23.245524743;
const PRECESSION_DEG_PER_YEAR = 50.28796 / 3600;
const YEAR_MS = 365.25 * DAY_MS;

/**
 * Lahiri (Chitrapaksha) ayanamsa, linear in time. Over 1900-2100 the error against the full precession
 * model is a few arc seconds, i.e. a few minutes in a sankranti time.
 */
export function lahiriAyanamsa(instantMs: number): number {
  return LAHIRI_AT_EPOCH + PRECESSION_DEG_PER_YEAR * ((instantMs - LAHIRI_EPOCH_MS) / YEAR_MS);
}

const normalise = (degrees: number): number => ((degrees % 360) + 360) % 360;

export function siderealSunLongitude(instantMs: number): number {
  const tropical = SunPosition(new Date(instantMs)).elon;
  return normalise(tropical - lahiriAyanamsa(instantMs));
}

/** Moon minus sun in ecliptic longitude; it does not depend on the ayanamsa. */
export function elongation(instantMs: number): number {
  return MoonPhase(new Date(instantMs));
}

export function siderealMoonLongitude(instantMs: number): number {
  return normalise(siderealSunLongitude(instantMs) + elongation(instantMs));
}

/** Tithi 1..30 in force at an instant (1-15 shukla, 16-30 krishna, 15 purnima, 30 amavasya). */
export function tithiAt(instantMs: number): number {
  return Math.floor(elongation(instantMs) / 12) + 1;
}

/** First instant at or after `fromMs` when the elongation reaches `degrees`. */
export function nextElongation(degrees: number, fromMs: number): number {
  const found = SearchMoonPhase(normalise(degrees), new Date(fromMs), 40);
  if (!found) throw new Error(`no elongation ${degrees} within 40 days of ${new Date(fromMs).toISOString()}`);
  return found.date.getTime();
}

/** First instant at or after `fromMs` when the sidereal sun longitude reaches `degrees`. */
export function nextSiderealSunLongitude(degrees: number, fromMs: number): number {
  // Jump forward by the whole remaining arc first (so the answer is never behind fromMs), then a few
  // Newton steps at ~0.9856°/day converge to well under a second.
  let t = fromMs + (normalise(degrees - siderealSunLongitude(fromMs)) / 0.9856) * DAY_MS;
  for (let i = 0; i < 8; i++) {
    const gap = normalise(degrees - siderealSunLongitude(t));
    const step = (gap > 180 ? gap - 360 : gap) / 0.9856;
    t += step * DAY_MS;
    if (Math.abs(step) < 1e-6) break;
  }
  return t;
}

function riseSet(body: Body, direction: 1 | -1, date: string, place: Place, fromHour: number): number {
  const start = istMidnight(date) + fromHour * 3_600_000;
  const found = SearchRiseSet(
    body,
    new Observer(place.latitude, place.longitude, 0),
    direction,
    new Date(start),
    1.2,
  );
  if (!found) throw new Error(`no ${body} ${direction > 0 ? 'rise' : 'set'} near ${date}`);
  return found.date.getTime();
}

export const sunrise = (date: string, place: Place): number => riseSet(Body.Sun, 1, date, place, 0);
export const sunset = (date: string, place: Place): number => riseSet(Body.Sun, -1, date, place, 12);
/** Evening moonrise: the waning moon of a krishna chaturthi rises after sunset. */
export const moonriseAfterNoon = (date: string, place: Place): number =>
  riseSet(Body.Moon, 1, date, place, 12);
