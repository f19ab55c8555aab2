/**
 * Indian states and union territories by their ISO 3166-2:IN suffix (Odisha as OD, Telangana TG,
 * Chhattisgarh CT, Uttarakhand UT, Dadra and Nagar Haveli and Daman and Diu DH).
 */
export const INDIAN_STATES = [
  'AN',
  'AP',
  'AR',
  'AS',
  'BR',
  'CH',
  'CT',
  'DH',
  'DL',
  'GA',
  'GJ',
  'HP',
  'HR',
  'JH',
  'JK',
  'KA',
  'KL',
  'LA',
  'LD',
  'MH',
  'ML',
  'MN',
  'MP',
  'MZ',
  'NL',
  'OD',
  'PB',
  'PY',
  'RJ',
  'SK',
  'TG',
  'TN',
  'TR',
  'UP',
  'UT',
  'WB',
] as const;

export type StateCode = (typeof INDIAN_STATES)[number];

export const ALL_STATES: readonly StateCode[] = INDIAN_STATES;

/** The Hindi belt where Karva Chauth and similar north Indian observances drive sales. */
export const NORTH_INDIA: readonly StateCode[] = ['CH', 'DL', 'HP', 'HR', 'JK', 'MP', 'PB', 'RJ', 'UP', 'UT'];

/** Upper-cases and checks a state code; undefined for an unknown one. */
export function normaliseStateCode(code: string): StateCode | undefined {
  const upper = code.trim().toUpperCase();
  return (INDIAN_STATES as readonly string[]).includes(upper) ? (upper as StateCode) : undefined;
}
