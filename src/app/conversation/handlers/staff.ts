import { createShopMembersRepository } from '../../../adapters/postgres/repositories/shop-members.js';
import type { IntentHandler } from '../types.js';

// "staff add 98765 43210" / "staff hatao 98765 43210" (owner only; the engine checks the role).

export const addStaff: IntentHandler = async (ctx) => {
  const phone = ctx.parsed.phone;
  if (!phone) return { replies: [{ key: 'staff:how_to' }] };
  if (phone === ctx.member.phone) return { replies: [{ key: 'staff:self' }] };
  const outcome = await createShopMembersRepository(ctx.db).addStaff(ctx.shop.id, phone);
  return { replies: [{ key: `staff:${outcome}`, params: { phone } }] };
};

export const removeStaff: IntentHandler = async (ctx) => {
  const phone = ctx.parsed.phone;
  if (!phone) return { replies: [{ key: 'staff:how_to' }] };
  const removed = await createShopMembersRepository(ctx.db).removeStaff(ctx.shop.id, phone);
  return { replies: [{ key: removed ? 'staff:removed' : 'staff:not_staff', params: { phone } }] };
};
