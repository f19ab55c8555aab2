// Money is integer paise everywhere inside BillMitra; rupees appear only at the edges (parse output, CSV).

export type Paise = number;

export function rupeesToPaise(rupees: number): Paise {
  return Math.round(rupees * 100);
}

export function paiseToRupees(paise: Paise): number {
  return paise / 100;
}

/** Indian digit grouping: 1,23,45,678 (the last three digits, then pairs). */
export function groupIndian(whole: number): string {
  const digits = Math.abs(Math.trunc(whole)).toString();
  if (digits.length <= 3) return (whole < 0 ? '-' : '') + digits;
  const lastThree = digits.slice(-3);
  const rest = digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',');
  return (whole < 0 ? '-' : '') + `${rest},${lastThree}`;
}

/** ₹1,23,456 or ₹11.50: paise shown only when there are any. */
export function formatRupees(paise: Paise): string {
  const negative = paise < 0;
  const abs = Math.abs(Math.round(paise));
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  const body = groupIndian(whole) + (fraction === 0 ? '' : `.${fraction.toString().padStart(2, '0')}`);
  return `${negative ? '-' : ''}₹${body}`;
}
