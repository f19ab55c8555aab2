import { type Pool, type Queryable, withTransaction } from '../../adapters/postgres/pool.js';
import {
  createDashboardAuthRepository,
  type SessionRow,
} from '../../adapters/postgres/repositories/dashboard-auth.js';
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

/** One transaction: the session lookup sets its shop, and the shop's row is then readable. */
export function viewerForToken(pool: Pool, token: string, now: Date): Promise<Viewer | undefined> {
  return withTransaction(pool, async (db) => {
    const session = await createDashboardAuthRepository(db).enterSession(sessionTokenDigest(token), now);
    return session ? viewerOf(db, session, now) : undefined;
  });
}

async function viewerOf(db: Queryable, session: SessionRow, now: Date): Promise<Viewer | undefined> {
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

export async function endSession(pool: Pool, token: string): Promise<void> {
  await withTransaction(pool, async (db) => {
    const auth = createDashboardAuthRepository(db);
    if (await auth.enterSession(sessionTokenDigest(token), new Date())) {
      await auth.deleteSession(sessionTokenDigest(token));
    }
  });
}
