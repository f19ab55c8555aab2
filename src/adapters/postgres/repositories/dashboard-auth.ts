import type { Queryable } from '../pool.js';

// Login codes, sessions and rate-limit attempts of the owner dashboard. Only digests of codes and session
// tokens reach the database; the use cases in src/app/dashboard make and compare them.

export interface LoginCodeRow {
  id: number;
  codeHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  failedAttempts: number;
}

export interface SessionRow {
  shopId: number;
  phone: string;
  /** Read from shop_members on every request, so a removed or demoted number loses access at once. */
  role: 'owner' | 'staff';
  expiresAt: Date;
}

export interface ChatTarget {
  channel: string;
  chatId: string;
}

export function createDashboardAuthRepository(db: Queryable) {
  return {
    async insertCode(phone: string, codeHash: string, expiresAt: Date): Promise<number> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO dashboard_login_codes (phone, code_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
        [phone, codeHash, expiresAt],
      );
      const row = result.rows[0];
      if (!row) throw new Error('login code insert returned no row');
      return row.id;
    },

    /** The newest code issued to the number, locked so two checks of it cannot both succeed. */
    async latestCodeForUpdate(phone: string): Promise<LoginCodeRow | undefined> {
      const result = await db.query<LoginCodeRow>(
        `SELECT id, code_hash AS "codeHash", expires_at AS "expiresAt", used_at AS "usedAt",
                failed_attempts AS "failedAttempts"
         FROM dashboard_login_codes WHERE phone = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE`,
        [phone],
      );
      return result.rows[0];
    },

    async markCodeUsed(id: number, at: Date): Promise<void> {
      await db.query('UPDATE dashboard_login_codes SET used_at = $2 WHERE id = $1', [id, at]);
    },

    async countFailedAttempt(id: number): Promise<void> {
      await db.query('UPDATE dashboard_login_codes SET failed_attempts = failed_attempts + 1 WHERE id = $1', [
        id,
      ]);
    },

    async recordAttempt(bucket: string, action: 'request' | 'verify', at: Date): Promise<void> {
      await db.query('INSERT INTO dashboard_auth_attempts (bucket, action, at) VALUES ($1, $2, $3)', [
        bucket,
        action,
        at,
      ]);
    },

    async countAttempts(bucket: string, action: 'request' | 'verify', since: Date): Promise<number> {
      const result = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM dashboard_auth_attempts WHERE bucket = $1 AND action = $2 AND at > $3`,
        [bucket, action, since],
      );
      return result.rows[0]?.n ?? 0;
    },

    /** Attempts and codes older than a day no longer matter to any limit. */
    async pruneBefore(before: Date): Promise<void> {
      await db.query('DELETE FROM dashboard_auth_attempts WHERE at < $1', [before]);
      await db.query('DELETE FROM dashboard_login_codes WHERE expires_at < $1', [before]);
      await db.query('DELETE FROM dashboard_sessions WHERE expires_at < $1', [before]);
    },

    async insertSession(tokenHash: string, shopId: number, phone: string, expiresAt: Date): Promise<void> {
      await db.query(
        `INSERT INTO dashboard_sessions (token_hash, shop_id, phone, expires_at) VALUES ($1, $2, $3, $4)`,
        [tokenHash, shopId, phone, expiresAt],
      );
    },

    /**
     * The live session the token digest names; the rest of the transaction then works for its shop (a
     * function of migration 060, the one way to read a session before its shop is known).
     */
    async enterSession(tokenHash: string, now: Date): Promise<SessionRow | undefined> {
      const result = await db.query<SessionRow>(
        `SELECT shop_id AS "shopId", phone, role, expires_at AS "expiresAt"
         FROM app_enter_shop_of_session($1, $2) WHERE shop_id IS NOT NULL`,
        [tokenHash, now],
      );
      return result.rows[0];
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.query('DELETE FROM dashboard_sessions WHERE token_hash = $1', [tokenHash]);
    },

    /** Where the number last wrote to us from: the code goes back the same way. */
    async lastChatOf(phone: string): Promise<ChatTarget | undefined> {
      const result = await db.query<ChatTarget>(
        `SELECT channel, chat_id AS "chatId" FROM inbound_messages
         WHERE sender_phone = $1 ORDER BY id DESC LIMIT 1`,
        [phone],
      );
      return result.rows[0];
    },
  };
}

export type DashboardAuthRepository = ReturnType<typeof createDashboardAuthRepository>;
