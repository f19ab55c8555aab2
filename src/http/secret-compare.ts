import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time comparison of a secret someone sent with the one we hold (tokens of any length): both
 * are hashed first so neither the content nor the length leaks through timing.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHmac('sha256', 'billmitra-compare').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
