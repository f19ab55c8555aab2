import type { Queryable } from '../../adapters/postgres/pool.js';
import { createDashboardAuthRepository } from '../../adapters/postgres/repositories/dashboard-auth.js';
import { localDate } from '../../core/language/days.js';
import { sessionTokenDigest } from './auth-secrets.js';

/** Who is looking at the dashboard, and the shop facts every page needs. */
export interface Viewer {
  shopId: number;
  phone: string;
  role: 'owner' | 'staff';
  /** Staff see sales and stock but no cost, margin or profit. */
  seesProfit: boolean;
  shop: {
    name: string;
    language: 'en' | 'hi' | 'hi-Latn';
    stateCode: string | null;
    timeZone: string;
    leadTimeDays: number;
    minMarginBp: number;
  };
  /** Shop-local today. */
  today: string;
}

export async function viewerForToken(db: Queryable, token: string, now: Date): Promise<Viewer | undefined> {
  const session = await createDashboardAuthRepository(db).findSession(sessionTokenDigest(token), now);
  if (!session) return undefined;
  const result = await db.query<Viewer['shop']>(
    `SELECT name, language, state_code AS "stateCode", time_zone AS "timeZone",
            lead_time_days AS "leadTimeDays", min_margin_bp AS "minMarginBp"
     FROM shops WHERE id = $1`,
    [session.shopId],
  );
  const shop = result.rows[0];
  if (!shop) return undefined;
  return {
    shopId: session.shopId,
    phone: session.phone,
    role: session.role,
    seesProfit: session.role === 'owner',
    shop,
    today: localDate(now, shop.timeZone),
  };
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await createDashboardAuthRepository(db).deleteSession(sessionTokenDigest(token));
}
