import { isValidDate } from './ist-time.js';

/** Salaried customers are paid at the start of the month; shops see the lift over the first week. */
export const PAYDAY_LAST_DAY_OF_MONTH = 7;

/** True on the 1st-7th of any month. Throws on a malformed date so a typo cannot read as "not payday". */
export function isPayday(date: string): boolean {
  if (!isValidDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Number(date.slice(8, 10)) <= PAYDAY_LAST_DAY_OF_MONTH;
}
