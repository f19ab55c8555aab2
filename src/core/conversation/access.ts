import type { Intent, Lang } from '../parse/types.js';

// Who may do what. Staff run the counter (sales, stock, purchases, undo of their own work); the owner
// alone changes prices, staff, products and shop settings, and sees profit.

const OWNER_ONLY: ReadonlySet<Intent> = new Set<Intent>([
  'set_price',
  'add_staff',
  'remove_staff',
  'add_product',
  'add_alias',
  'alerts_on',
  'alerts_off',
  'set_language',
  'set_supplier',
  'send_order',
]);

export type Role = 'owner' | 'staff';

export function mayUse(role: Role, intent: Intent): boolean {
  return role === 'owner' || !OWNER_ONLY.has(intent);
}

export function seesProfit(role: Role): boolean {
  return role === 'owner';
}

/** The shop's chosen language once chosen; before that, the register of each message. */
export function replyLanguage(shop: { language: Lang; languageChosen: boolean }, written: Lang): Lang {
  return shop.languageChosen ? shop.language : written;
}
