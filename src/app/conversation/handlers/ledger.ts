import { linesFromItems } from '../../../core/conversation/pick-product.js';
import { recordLinesAndBatches } from '../record-batches.js';
import type { IntentHandler } from '../types.js';

// "18 maggi, 2 kilo cheeni" and "5 carton maggi aaya": the day's sales and the stock that came in.

function linesHandler(intent: 'log_sale' | 'log_purchase'): IntentHandler {
  return async (ctx) => {
    const items = ctx.parsed.items ?? [];
    if (items.length === 0) return { replies: [{ key: 'conversation:not_understood' }] };
    const expiry = intent === 'log_purchase' ? ctx.parsed.expiry : undefined;
    return recordLinesAndBatches(ctx, {
      intent,
      date: ctx.parsed.date ?? ctx.today,
      lines: linesFromItems(items, expiry),
    });
  };
}

export const logSale = linesHandler('log_sale');
export const logPurchase = linesHandler('log_purchase');
