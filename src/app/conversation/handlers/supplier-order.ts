import { saveSupplier, sendPendingOrder } from '../../advice/supplier-order.js';
import type { IntentHandler } from '../types.js';

// set_supplier: "maggi ka supplier 98765 43210", "snacks supplier 98765 43210" (owner only).
// send_order: "order bhej do" sends the last restock list to the suppliers (owner only).

export const setSupplier: IntentHandler = async (ctx) => {
  const answer = await saveSupplier(ctx.db, {
    shopId: ctx.shop.id,
    lang: ctx.lang,
    ...(ctx.parsed.phone ? { phone: ctx.parsed.phone } : {}),
    ...(ctx.parsed.product ? { catalogId: ctx.parsed.product } : {}),
    ...(ctx.parsed.category ? { category: ctx.parsed.category } : {}),
  });
  return { replies: [answer] };
};

export const sendOrder: IntentHandler = async (ctx) => {
  const messages = await sendPendingOrder(ctx.db, {
    shop: ctx.shop,
    now: ctx.now,
    lang: ctx.lang,
    ownerChatId: ctx.message.chatId,
  });
  return {
    replies: messages.map((m) => ({
      ...m.text,
      ...(m.chatId ? { chatId: m.chatId } : {}),
      ...(m.kind ? { kind: m.kind } : {}),
    })),
  };
};
