import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

// Digests of what must never be stored as issued. A six-digit code has only a million values, so its
// digest is keyed with SESSION_SECRET: a copy of the database alone does not give the codes away. Session
// tokens carry 256 random bits, so a plain SHA-256 of them is enough.

const FALLBACK_KEY = 'billmitra-dashboard-codes';

export function newLoginCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

export function loginCodeDigest(secret: string | undefined, phone: string, code: string): string {
  return createHmac('sha256', secret ?? FALLBACK_KEY)
    .update(`${phone}:${code}`)
    .digest('hex');
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionTokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Rate-limit buckets hold a digest, not the number or address itself. */
export function attemptBucket(kind: 'phone' | 'ip', value: string): string {
  return `${kind}:${createHmac('sha256', FALLBACK_KEY).update(value).digest('hex').slice(0, 32)}`;
}
