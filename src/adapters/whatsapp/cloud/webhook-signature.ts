import { createHmac, timingSafeEqual } from 'node:crypto';

// Meta signs each webhook with HMAC-SHA256 of the exact bytes it sent, keyed by the app secret. The check
// runs on those raw bytes (re-serialised JSON would differ, e.g. in how emoji are escaped) and compares in
// constant time so the signature cannot be guessed byte by byte.

export function verifyWebhookSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
