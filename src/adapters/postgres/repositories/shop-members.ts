import type { Queryable } from '../pool.js';
import type { ShopLanguage } from './shops.js';

export type MemberRole = 'owner' | 'staff';

export interface MembershipRow {
  shopId: number;
  phone: string;
  role: MemberRole;
}

// The lookups by phone are database functions (migrations 060 and 082): one round trip each, and the only
// way the application reads shop_members across shops (app_enter_conversation, for an inbound message,
// calls app_enter_shop_of_member).
async function memberOf(
  db: Queryable,
  lookup: 'app_member_by_phone' | 'app_enter_shop_of_member',
  phone: string,
): Promise<MembershipRow | undefined> {
  const result = await db.query<MembershipRow>(
    `SELECT shop_id AS "shopId", $1::text AS phone, role FROM ${lookup}($1) WHERE shop_id IS NOT NULL`,
    [phone],
  );
  return result.rows[0];
}

/** The numbers allowed to act for a shop. A number belongs to at most one shop (unique index). */
export function createShopMembersRepository(db: Queryable) {
  return {
    /** Looks across every shop (a number is free or taken wherever it is); the caller's shop is unchanged. */
    async findByPhone(phone: string): Promise<MembershipRow | undefined> {
      return memberOf(db, 'app_member_by_phone', phone);
    },

    /** As findByPhone, and the rest of the transaction then works for the number's shop (row-level security). */
    async enterShopOf(phone: string): Promise<MembershipRow | undefined> {
      return memberOf(db, 'app_enter_shop_of_member', phone);
    },

    /**
     * The language the number's shop chose, or undefined (no shop, or the shop has not chosen). Looks across
     * shops through app_chosen_language_of_member (migration 082), which returns nothing else.
     */
    async chosenLanguageOf(phone: string): Promise<ShopLanguage | undefined> {
      const result = await db.query<{ language: ShopLanguage | null }>(
        'SELECT app_chosen_language_of_member($1) AS language',
        [phone],
      );
      return result.rows[0]?.language ?? undefined;
    },

    /** 'added', 'already' (staff of this shop already) or 'taken' (the number belongs elsewhere or is an owner). */
    async addStaff(shopId: number, phone: string): Promise<'added' | 'already' | 'taken'> {
      const inserted = await db.query(
        `INSERT INTO shop_members (shop_id, phone, role) VALUES ($1, $2, 'staff')
         ON CONFLICT DO NOTHING RETURNING phone`,
        [shopId, phone],
      );
      if ((inserted.rowCount ?? 0) > 0) return 'added';
      const existing = await this.findByPhone(phone);
      return existing?.shopId === shopId && existing.role === 'staff' ? 'already' : 'taken';
    },

    /** Removes a staff number; owners are never removed this way. */
    async removeStaff(shopId: number, phone: string): Promise<boolean> {
      const removed = await db.query(
        `DELETE FROM shop_members WHERE shop_id = $1 AND phone = $2 AND role = 'staff'`,
        [shopId, phone],
      );
      return (removed.rowCount ?? 0) > 0;
    },
  };
}

export type ShopMembersRepository = ReturnType<typeof createShopMembersRepository>;
