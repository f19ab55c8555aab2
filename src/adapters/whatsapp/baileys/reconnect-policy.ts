import { DisconnectReason } from '@whiskeysockets/baileys';

// What to do when the WhatsApp Web connection closes, by the status code Baileys reports:
// - logged out: the phone removed this device. Reconnecting cannot work; forget the login, say so loudly
//   and wait until an operator asks for a new one.
// - replaced (conflict): another WhatsApp Web session took over. Reconnecting would just take it back and
//   start a tug of war, so stop and wait for an operator.
// - restart required: normal right after pairing; reconnect at once.
// - anything else (lost, timed out, server trouble, bad session): reconnect with exponential backoff.

export type CloseAction = 'logged-out' | 'replaced' | 'restart' | 'reconnect';

export function closeAction(statusCode: number | undefined): CloseAction {
  switch (statusCode) {
    case DisconnectReason.loggedOut:
      return 'logged-out';
    case DisconnectReason.connectionReplaced:
      return 'replaced';
    case DisconnectReason.restartRequired:
      return 'restart';
    default:
      return 'reconnect';
  }
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1 fraction of random spread, so many processes do not reconnect in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, jitter: 0.2 };

export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const plain = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(plain * (1 - options.jitter + 2 * options.jitter * random()));
}

/** The HTTP-like status code inside a Baileys close error (a Boom), if any. */
export function disconnectStatusCode(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}
