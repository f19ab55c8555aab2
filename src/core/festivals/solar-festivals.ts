import { addDays, DAY_MS, dateOfYear, istDateOf, istMidnight } from './ist-time.js';
import {
  CHENNAI,
  NEW_DELHI,
  nextSiderealSunLongitude,
  type Place,
  siderealMoonLongitude,
  sunrise,
  sunset,
  THIRUVANANTHAPURAM,
} from './sky.js';
import type { ComputedOccurrence } from './types.js';

/**
 * The civil day of a sankranti: the day it happens if before sunset, else the next day (its punya kaal
 * falls on the next morning). Tamil months begin by the same before-sunset rule.
 */
function sankrantiDay(siderealLongitude: number, searchFrom: string, place: Place): string {
  const moment = nextSiderealSunLongitude(siderealLongitude, istMidnight(searchFrom));
  const day = istDateOf(moment);
  return moment < sunset(day, place) ? day : addDays(day, 1);
}

/** Makar Sankranti (sun enters sidereal Makara, Lahiri), Pongal (Thai 1) and Lohri (the eve). */
function makaraFestivals(year: number): ComputedOccurrence[] {
  const from = dateOfYear(year, 1, 1);
  const sankranti = sankrantiDay(270, from, NEW_DELHI);
  const pongal = sankrantiDay(270, from, CHENNAI);
  return [
    { id: 'lohri', date: addDays(sankranti, -1) },
    { id: 'makar_sankranti', date: sankranti },
    { id: 'pongal', date: pongal },
  ];
}

/** Thiruvonam (Shravana) nakshatra: sidereal moon in [280°, 293°20'). */
const THIRUVONAM_START = 280;
const THIRUVONAM_END = 280 + 40 / 3;

/**
 * Onam: the day in the Malayalam solar month Chingam (sun in sidereal Simha) on which the Thiruvonam
 * nakshatra prevails at sunrise in Kerala (2017 and 2018 kept the sunrise day even though the day before
 * held more of the nakshatra). When Chingam holds two such days (2013, 2016, 2024) Kerala kept the second,
 * so the last one is taken. A Thiruvonam that touches no sunrise (as in 2050) counts for the day it is in.
 */
function onam(year: number): ComputedOccurrence[] {
  const chingamStart = nextSiderealSunLongitude(120, istMidnight(dateOfYear(year, 7, 1)));
  const chingamEnd = nextSiderealSunLongitude(150, chingamStart + DAY_MS);
  const atSunrise: string[] = [];
  const untouched: string[] = [];
  for (let day = istDateOf(chingamStart); istMidnight(day) < chingamEnd; day = addDays(day, 1)) {
    const rise = sunrise(day, THIRUVANANTHAPURAM);
    if (rise < chingamStart || rise >= chingamEnd) continue;
    const moon = siderealMoonLongitude(rise);
    if (moon >= THIRUVONAM_START && moon < THIRUVONAM_END) atSunrise.push(day);
    const nextMoon = siderealMoonLongitude(sunrise(addDays(day, 1), THIRUVANANTHAPURAM));
    // The moon moves 12-15° a day: from before the nakshatra at one sunrise to past it at the next.
    if (
      moon < THIRUVONAM_START &&
      moon > THIRUVONAM_START - 20 &&
      nextMoon >= THIRUVONAM_END &&
      nextMoon < 320
    )
      untouched.push(day);
  }
  const last = atSunrise[atSunrise.length - 1] ?? untouched[untouched.length - 1];
  return last ? [{ id: 'onam', date: last }] : [];
}

export function solarFestivalsInYear(year: number): ComputedOccurrence[] {
  return [...makaraFestivals(year), ...onam(year)];
}
