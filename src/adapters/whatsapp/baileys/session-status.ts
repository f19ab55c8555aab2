import type { Redis } from 'ioredis';

// The Baileys connection lives in the whatsapp process; /whatsapp/qr and /whatsapp/status are served by
// the web process, which may be another machine. The holder publishes its state (and the current QR or
// pairing code) to Redis; the web side reads it there and leaves login requests there.

export type SessionState =
  | 'stopped'
  | 'waiting-for-lock'
  | 'connecting'
  | 'waiting-for-qr-scan'
  | 'waiting-for-pairing-code'
  | 'open'
  | 'reconnecting'
  | 'logged-out'
  | 'replaced';

export interface SessionStatus {
  state: SessionState;
  since: string;
  /** Set while waiting for a scan; the login secret, only shown behind the admin token. */
  qr?: string;
  pairingCode?: string;
  lastDisconnect?: { statusCode: number | null; action: string; at: string };
  reconnectAttempt?: number;
}

export interface SessionStatusStore {
  publish(status: SessionStatus): Promise<void>;
  read(): Promise<SessionStatus | undefined>;
  requestLogin(): Promise<void>;
  /** True once per request: takes the pending login request, if any. */
  takeLoginRequest(): Promise<boolean>;
}

export function createSessionStatusStore(redis: Redis, keyBase: string): SessionStatusStore {
  const statusKey = `${keyBase}:status`;
  const loginKey = `${keyBase}:login-request`;
  return {
    async publish(status) {
      await redis.set(statusKey, JSON.stringify(status), 'PX', 24 * 3_600_000).catch(() => {});
    },
    async read() {
      const raw = await redis.get(statusKey);
      return raw ? (JSON.parse(raw) as SessionStatus) : undefined;
    },
    async requestLogin() {
      await redis.set(loginKey, String(Date.now()), 'PX', 10 * 60_000);
    },
    async takeLoginRequest() {
      return (await redis.del(loginKey).catch(() => 0)) === 1;
    },
  };
}
