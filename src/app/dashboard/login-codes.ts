import type { Translator } from '../../adapters/i18n/translator.js';
import { type Pool, withTransaction } from '../../adapters/postgres/pool.js';
import { createDashboardAuthRepository } from '../../adapters/postgres/repositories/dashboard-auth.js';
import { createOutboundMessagesRepository } from '../../adapters/postgres/repositories/outbound-messages.js';
import { createShopMembersRepository } from '../../adapters/postgres/repositories/shop-members.js';
import { systemQueryable } from '../../adapters/postgres/tenant-scope.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import { outboundJobId } from '../handle-inbound.js';
import { loginCodeDigest, newLoginCode, newSessionToken, sessionTokenDigest } from './auth-secrets.js';
import { AUTH_LIMITS, admitAttempt } from './rate-limits.js';

// Password-free login: a six-digit code goes to the number on WhatsApp through the outbound queue (so the
// simulator conversation shows it too); typing it back opens a session. Codes live ten minutes, work once,
// and die after five wrong guesses.

export const CODE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 7 * 24 * 3_600_000;
const PRUNE_AFTER_MS = 24 * 3_600_000;

export interface LoginDeps {
  pool: Pool;
  queue: JobPublisher;
  translator: Translator;
  /** Channel used for numbers that never wrote to us (the configured WhatsApp channel). */
  defaultChannel: string;
  secret?: string;
  clock?: () => Date;
}

export type RequestCodeResult = 'sent' | 'rate-limited';

/**
 * Numbers that belong to no shop get the same answer as members (so the page does not reveal who is a
 * customer) but no message.
 */
export async function requestLoginCode(
  deps: LoginDeps,
  input: { phone: string; ip: string },
): Promise<RequestCodeResult> {
  const now = deps.clock?.() ?? new Date();
  const outboundId = await withTransaction(deps.pool, async (client) => {
    const auth = createDashboardAuthRepository(client);
    if (!(await admitAttempt(auth, 'request', input, now))) return 'rate-limited' as const;
    const member = await createShopMembersRepository(client).enterShopOf(input.phone);
    if (!member) return undefined;
    const code = newLoginCode();
    const codeId = await auth.insertCode(
      input.phone,
      loginCodeDigest(deps.secret, input.phone, code),
      new Date(now.getTime() + CODE_TTL_MS),
    );
    const shop = await client.query<{ language: 'en' | 'hi' | 'hi-Latn' }>(
      'SELECT language FROM shops WHERE id = $1',
      [member.shopId],
    );
    const target = (await auth.lastChatOf(input.phone)) ?? {
      channel: deps.defaultChannel,
      chatId: input.phone,
    };
    return createOutboundMessagesRepository(client).enqueue({
      channel: target.channel,
      chatId: target.chatId,
      shopId: member.shopId,
      kind: 'otp',
      body: deps.translator.t(shop.rows[0]?.language ?? 'en', 'dashboard:otp.message', { code }),
      dedupeKey: `otp-${codeId}`,
    });
  });
  // Housekeeping rides on code requests: attempts, codes and sessions a day past mattering are dropped.
  await createDashboardAuthRepository(systemQueryable(deps.pool, 'prune expired sessions')).pruneBefore(
    new Date(now.getTime() - PRUNE_AFTER_MS),
  );
  if (outboundId === 'rate-limited') return 'rate-limited';
  if (outboundId !== undefined) {
    await deps.queue.publish(
      'outbound',
      { outboundMessageId: outboundId },
      { jobId: outboundJobId(outboundId) },
    );
  }
  return 'sent';
}

export type VerifyCodeResult =
  | { ok: true; token: string; expiresAt: Date; shopId: number }
  | { ok: false; reason: 'rate-limited' | 'wrong' | 'expired' | 'used' | 'no-code' };

export async function verifyLoginCode(
  deps: Pick<LoginDeps, 'pool' | 'secret' | 'clock'>,
  input: { phone: string; code: string; ip: string },
): Promise<VerifyCodeResult> {
  const now = deps.clock?.() ?? new Date();
  return withTransaction(deps.pool, async (client): Promise<VerifyCodeResult> => {
    const auth = createDashboardAuthRepository(client);
    if (!(await admitAttempt(auth, 'verify', input, now))) return { ok: false, reason: 'rate-limited' };
    const latest = await auth.latestCodeForUpdate(input.phone);
    if (!latest) return { ok: false, reason: 'no-code' };
    if (latest.usedAt) return { ok: false, reason: 'used' };
    if (latest.expiresAt <= now || latest.failedAttempts >= AUTH_LIMITS.failuresPerCode) {
      return { ok: false, reason: 'expired' };
    }
    if (loginCodeDigest(deps.secret, input.phone, input.code) !== latest.codeHash) {
      await auth.countFailedAttempt(latest.id);
      return { ok: false, reason: 'wrong' };
    }
    const member = await createShopMembersRepository(client).enterShopOf(input.phone);
    if (!member) return { ok: false, reason: 'no-code' };
    await auth.markCodeUsed(latest.id, now);
    const token = newSessionToken();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await auth.insertSession(sessionTokenDigest(token), member.shopId, input.phone, expiresAt);
    return { ok: true, token, expiresAt, shopId: member.shopId };
  });
}
