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

// The heavy handlers (charts, forecasting) load on first use. Each import() is kept: a fresh import() per
// message still resolves the specifier through the module loader (and its hooks under tsx), measurably
// costing every report and price question.
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}
const reportModule = loadOnce(() => import('./report.js'));
const forecastModule = loadOnce(() => import('./forecast.js'));
const pricingAdviceModule = loadOnce(() => import('./pricing-advice.js'));
const supplierOrderModule = loadOnce(() => import('./supplier-order.js'));

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
  ask_report: (ctx) => reportModule().then((report) => report.askReport(ctx)),
  ask_forecast: (ctx) => forecastModule().then((m) => m.askForecast(ctx)),
  ask_price: (ctx) => pricingAdviceModule().then((m) => m.askPrice(ctx)),
  set_supplier: (ctx) => supplierOrderModule().then((m) => m.setSupplier(ctx)),
  send_order: (ctx) => supplierOrderModule().then((m) => m.sendOrder(ctx)),
  help,
  greeting,
  unknown: notUnderstood,
};

export async function dispatch(ctx: ConversationContext): Promise<HandlerResult> {
  const handler = HANDLERS[ctx.parsed.intent];
  return handler ? handler(ctx) : help(ctx);
}
