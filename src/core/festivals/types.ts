import type { StateCode } from './states.js';

/**
 * Product categories the festival uplifts are given in: the catalog's categories less its catch-all
 * 'other', listed as values so metadata can be checked at run time.
 */
export const UPLIFT_CATEGORIES = [
  'snacks',
  'personal_care',
  'household',
  'dairy',
  'grains',
  'staples',
  'beverages',
  'festive',
  'bakery',
] as const;

export type ProductCategory = (typeof UPLIFT_CATEGORIES)[number];

export type CalendarKind = 'lunisolar' | 'solar' | 'islamic' | 'gregorian';

export interface FestivalNames {
  en: string;
  hi: string;
  'hi-Latn': string;
}

export interface FestivalDefinition {
  id: string;
  names: FestivalNames;
  kind: CalendarKind;
  /** How the date is found, for people reading the metadata (the code is the authority). */
  rule: string;
  /** States where it matters most; national festivals list every state. */
  states: readonly StateCode[];
  /** Days before the festival that shoppers stock up (the festival day itself not counted). */
  buyingWindowDays: number;
  /** Days the festival itself lasts (Durga Puja 4, Navratri 9, most 1). */
  durationDays: number;
  /**
   * Rough lift in units sold per category over a normal day, spread over the buying window and the
   * festival days, as a fraction: 1.5 means +150%. Categories not listed are not lifted.
   */
  uplift: Partial<Record<ProductCategory, number>>;
}

/** A computed festival day before names are attached (what the generated table stores). */
export interface ComputedOccurrence {
  id: string;
  date: string;
}

/** One festival on one day: the contract of `billmitra festivals` (name in English). */
export interface FestivalOccurrence {
  id: string;
  name: string;
  date: string;
}

export interface StateOption {
  /** A 2-letter Indian state code (case-insensitive); only festivals that matter there are returned. */
  state?: string;
}
