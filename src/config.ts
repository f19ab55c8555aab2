import { z } from 'zod';

// The one place environment variables are read. Everything else receives a typed Config.

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const urlWithScheme = (schemes: string[]) =>
  optionalString.refine(
    (value) => value === undefined || schemes.some((scheme) => value.startsWith(`${scheme}://`)),
    { message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}` },
  );

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: urlWithScheme(['postgres', 'postgresql']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // Every pooled connection runs as this role so row-level security applies (SECURITY.md).
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case role name')
    .default('billmitra_app'),
  REDIS_URL: urlWithScheme(['redis', 'rediss']),
  REDIS_SERVER_BIN: z.string().min(1).default('redis-server'),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  LOG_PSEUDONYM_SECRET: optionalString,
  QUEUE_PREFIX: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9:_{}-]+$/, 'letters, digits, : _ - { } only')
    .default('billmitra'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  // Inbound messages go through a worker process in this many transactions at once, each taking up to
  // INBOUND_BATCH_SIZE messages that queued while the others ran (1: one message per transaction). Few
  // transactions make big batches, which is what keeps a busy worker efficient.
  INBOUND_TRANSACTIONS: z.coerce.number().int().min(1).max(64).default(4),
  INBOUND_BATCH_SIZE: z.coerce.number().int().min(1).max(128).default(32),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  DEFAULT_TIME_ZONE: z.string().min(1).default('Asia/Kolkata'),
  ADMIN_TOKEN: optionalString.refine((value) => value === undefined || value.length >= 16, {
    message: 'must be at least 16 characters',
  }),
  SESSION_SECRET: optionalString,
  WHATSAPP_CHANNEL: z.enum(['simulator', 'baileys', 'cloud']).default('simulator'),
  WHATSAPP_AUTH_KEY: optionalString,
  WHATSAPP_PAIRING_NUMBER: optionalString,
  WHATSAPP_CLOUD_APP_SECRET: optionalString,
  WHATSAPP_CLOUD_VERIFY_TOKEN: optionalString,
  WHATSAPP_CLOUD_ACCESS_TOKEN: optionalString,
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: optionalString,
  WHATSAPP_CLOUD_API_BASE: z.url().default('https://graph.facebook.com/v21.0'),
  OUTBOUND_RATE_PER_SECOND: z.coerce.number().positive().max(1000).optional(),
  // WhatsApp's per-recipient pace: at most BURST messages to one user in BURST × INTERVAL ms.
  OUTBOUND_RECIPIENT_BURST: z.coerce.number().int().min(1).max(1000).default(10),
  OUTBOUND_RECIPIENT_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(6_000),
  // Approved template for Cloud API messages outside the 24-hour window; its body has one parameter.
  WHATSAPP_CLOUD_TEMPLATE_NAME: z.string().min(1).default('billmitra_update'),
  WHATSAPP_CLOUD_TEMPLATE_LANGUAGE: z.string().min(2).default('en'),
  SIM_SEND_IMAGES: booleanFlag,
  // The simulator's replies: written as sent by the inbound job ('on-record'), or sent by the outbound job
  // like a real channel's ('queued'), to exercise that path without WhatsApp.
  SIM_DELIVERY: z.enum(['on-record', 'queued']).default('on-record'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value (`PORT=` in an .env file) means "not set", so the default applies.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const config = parsed.data;
  if (config.WHATSAPP_CHANNEL === 'cloud') requireAll(config, CLOUD_REQUIRED);
  return config;
}

const CLOUD_REQUIRED = [
  'WHATSAPP_CLOUD_APP_SECRET',
  'WHATSAPP_CLOUD_VERIFY_TOKEN',
  'WHATSAPP_CLOUD_ACCESS_TOKEN',
  'WHATSAPP_CLOUD_PHONE_NUMBER_ID',
] as const;

function requireAll(config: Config, names: readonly (keyof Config)[]): void {
  const missing = names.filter((name) => config[name] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((name) => `${name}: required when WHATSAPP_CHANNEL=cloud`));
  }
}
