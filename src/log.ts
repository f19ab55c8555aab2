import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

// Phone numbers, chat ids, message text and credentials never reach a log line in the clear. Fields with
// these names are censored wherever they appear (two levels deep); code that needs to correlate a sender
// across lines logs `pseudonym(phone)` instead.
const REDACTED_KEYS = [
  'phone',
  'from',
  'to',
  'chatId',
  'chat_id',
  'sender',
  'senderPhone',
  'sender_phone',
  'participant',
  'jid',
  'lid',
  'text',
  'body',
  'message',
  'token',
  'accessToken',
  'authorization',
  'cookie',
  'password',
  'code',
  'creds',
  'keys',
  'secret',
  // PostgreSQL errors put the offending row's values here ("Key (phone)=(+91...) already exists").
  'detail',
];
const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((key) => `*.${key}`),
  ...REDACTED_KEYS.map((key) => `*.*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
];

export interface LoggerOptions {
  level?: string;
  format?: 'auto' | 'json' | 'pretty';
  pseudonymSecret?: string;
  destination?: pino.DestinationStream;
}

let pseudonymKey: string = randomBytes(16).toString('hex');

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty =
    options.format === 'pretty' ||
    (options.format !== 'json' && process.stdout.isTTY === true && process.env.NODE_ENV !== 'production');
  const base: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: 'billmitra', pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    errorKey: 'err',
    serializers: { err: serializeError },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true } },
    });
  }
  return pino(base);
}

/**
 * The standard error serializer, except that the stack's first line (which repeats the message, already
 * redacted because it can quote input) is dropped, keeping the error type and the frames.
 */
function serializeError(error: Error): pino.SerializedError {
  const serialized = pino.stdSerializers.err(error);
  if (typeof serialized.stack === 'string') {
    serialized.stack = serialized.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
  }
  return serialized;
}

/** The process-wide root logger (the one allowed module-level singleton). */
export let logger: Logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });

export function configureLogger(options: LoggerOptions): Logger {
  if (options.pseudonymSecret) pseudonymKey = options.pseudonymSecret;
  logger = createLogger(options);
  return logger;
}

/** A stable, non-reversible tag for a phone number or chat id, for correlating log lines. */
export function pseudonym(value: string): string {
  return createHmac('sha256', pseudonymKey).update(value).digest('hex').slice(0, 12);
}
