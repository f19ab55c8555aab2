import type { Intent } from '../../../core/parse.js';
import type { ConversationContext, HandlerResult, IntentHandler } from '../types.js';
import { addAlias, addProduct } from './catalog.js';
import { greeting, help, notUnderstood } from './help.js';
import { logPurchase, logSale } from './ledger.js';
import { setPrice } from './price.js';
import { alertsOff, alertsOn, setLanguage } from './settings.js';
import { addStaff, removeStaff } from './staff.js';
import { askStock, setStock } from './stock.js';
import { undo } from './undo.js';

// Intent -> handler. Every handler has the one shape in ../types.ts:
//   (ctx: ConversationContext) => Promise<HandlerResult>
// To add a feature, write handlers/<feature>.ts exporting an IntentHandler and add ONE line below.
// Owner-only intents are checked before dispatch (src/core/conversation/access.ts), not in handlers.
// An intent with no handler gets the help reply, so an unfinished feature never answers wrongly.

export const HANDLERS: Partial<Record<Intent, IntentHandler>> = {
  log_sale: logSale,
  log_purchase: logPurchase,
  set_stock: setStock,
  ask_stock: askStock,
  set_price: setPrice,
  undo,
  add_staff: addStaff,
  remove_staff: removeStaff,
  add_product: addProduct,
  add_alias: addAlias,
  alerts_on: alertsOn,
  alerts_off: alertsOff,
  set_language: setLanguage,
  ask_report: (ctx) => import('./report.js').then((report) => report.askReport(ctx)),
  ask_forecast: (ctx) => import('./forecast.js').then((m) => m.askForecast(ctx)),
  ask_price: (ctx) => import('./pricing-advice.js').then((m) => m.askPrice(ctx)),
  set_supplier: (ctx) => import('./supplier-order.js').then((m) => m.setSupplier(ctx)),
  send_order: (ctx) => import('./supplier-order.js').then((m) => m.sendOrder(ctx)),
  help,
  greeting,
  unknown: notUnderstood,
};

export async function dispatch(ctx: ConversationContext): Promise<HandlerResult> {
  const handler = HANDLERS[ctx.parsed.intent];
  return handler ? handler(ctx) : help(ctx);
}
