import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { QueueUnavailableError } from '../adapters/queue/payloads.js';
import { SenderRateLimitedError } from '../app/ports.js';
import { logger } from '../log.js';

export const MAX_BODY_BYTES = 64 * 1024;

export function jsonError(c: Context, status: ContentfulStatusCode, error: string, details?: unknown) {
  return c.json(details === undefined ? { error } : { error, details }, status);
}

export function zodDetails(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
}

/** Reads a JSON body, answering 400 for anything that is not a JSON object. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown> | Response> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return jsonError(c, 400, 'body must be valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jsonError(c, 400, 'body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

// The database being away or saturated (pool wait timed out, connection refused or reset, server shutting
// down) is a moment to retry, not a bug: answer 503 like a queue outage, so senders back off and retry.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '53300']);
function isDatabaseUnavailable(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    error.message.includes('timeout exceeded when trying to connect') ||
    error.message.includes('Connection terminated')
  );
}

export function handleAppError(error: Error, c: Context) {
  if (error instanceof HTTPException) return error.getResponse();
  if (error instanceof SenderRateLimitedError) {
    c.header('Retry-After', '60');
    return jsonError(c, 429, 'too many messages from this sender, slow down');
  }
  if (error instanceof QueueUnavailableError || isDatabaseUnavailable(error)) {
    c.header('Retry-After', '5');
    return jsonError(c, 503, 'temporarily unavailable, retry shortly');
  }
  logger.error({ err: error, path: c.req.path }, 'unhandled HTTP error');
  return jsonError(c, 500, 'internal error');
}
