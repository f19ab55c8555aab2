import type { DashboardAuthRepository } from '../../adapters/postgres/repositories/dashboard-auth.js';
import { attemptBucket } from './auth-secrets.js';

// How often a number and a client address may ask for codes and try them. A number gets few codes (each
// is a WhatsApp message to a real person); an address gets more, since a shop's family may share one.
// Guessing is bounded three ways: per code (then the code is dead), per number and per address.

export interface Limit {
  max: number;
  windowMs: number;
}

export const AUTH_LIMITS = {
  requestPerPhone: { max: 3, windowMs: 10 * 60_000 },
  requestPerIp: { max: 10, windowMs: 10 * 60_000 },
  verifyPerPhone: { max: 10, windowMs: 15 * 60_000 },
  verifyPerIp: { max: 30, windowMs: 15 * 60_000 },
  failuresPerCode: 5,
} as const;

export interface AttemptKeys {
  phone: string;
  ip: string;
}

/** Counts this attempt and says whether it is within both limits (the attempt is recorded either way). */
export async function admitAttempt(
  repository: DashboardAuthRepository,
  action: 'request' | 'verify',
  keys: AttemptKeys,
  now: Date,
): Promise<boolean> {
  const limits =
    action === 'request'
      ? [AUTH_LIMITS.requestPerPhone, AUTH_LIMITS.requestPerIp]
      : [AUTH_LIMITS.verifyPerPhone, AUTH_LIMITS.verifyPerIp];
  const buckets = [attemptBucket('phone', keys.phone), attemptBucket('ip', keys.ip)];
  let allowed = true;
  for (const [index, bucket] of buckets.entries()) {
    const limit = limits[index]!;
    const recent = await repository.countAttempts(bucket, action, new Date(now.getTime() - limit.windowMs));
    if (recent >= limit.max) allowed = false;
    await repository.recordAttempt(bucket, action, now);
  }
  return allowed;
}
