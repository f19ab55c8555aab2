import { PermanentSendError } from '../../../app/ports.js';
import { ProviderThrottledError, RecipientRateLimitedError } from '../outbound/rate-limited-sender.js';

// How a Graph API answer maps to what the outbound job does: retry later without counting an attempt
// (rate limits), retry with backoff (server trouble, expired token: fixable, so never dropped), or give
// up on this message and say so (anything else the API refuses).

const THROUGHPUT_LIMIT_CODES = new Set([4, 80007, 130429, 131048]);
const PAIR_RATE_LIMIT_CODE = 131056;
const AUTH_CODES = new Set([0, 190]);

export interface GraphErrorBody {
  error?: { code?: number; error_subcode?: number; message?: string; type?: string };
}

export function graphSendError(status: number, body: GraphErrorBody, retryAfterHeader: string | null): Error {
  const code = body.error?.code;
  const what = `Graph API ${status}${code === undefined ? '' : ` code ${code}`}: ${body.error?.message ?? 'no message'}`;
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  if (code === PAIR_RATE_LIMIT_CODE) return new RecipientRateLimitedError(what, retryAfterMs ?? 6_000);
  if (status === 429 || (code !== undefined && THROUGHPUT_LIMIT_CODES.has(code))) {
    return new ProviderThrottledError(what, retryAfterMs ?? 1_000);
  }
  if (status >= 500 || status === 408) return new Error(what);
  if (status === 401 || status === 403 || (code !== undefined && AUTH_CODES.has(code))) {
    return new Error(`${what} (check WHATSAPP_CLOUD_ACCESS_TOKEN)`);
  }
  return new PermanentSendError(what);
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.max(1, seconds * 1000) : undefined;
}
