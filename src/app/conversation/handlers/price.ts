import { createLedgerRepository } from '../../../adapters/postgres/repositories/ledger.js';
import { createProductsRepository } from '../../../adapters/postgres/repositories/products.js';
import { checkPriceChange, currentPaise } from '../../../core/conversation/price-rules.js';
import { reply } from '../../../core/conversation/reply.js';
import { productName } from '../../../core/conversation/shop-product.js';
import { formatRupees, rupeesToPaise } from '../../../core/money.js';
import { productOfMessage } from '../find-product.js';
import type { IntentHandler } from '../types.js';

// "maggi ka rate 15 karo", "maggi ki lagat 11.50", "maggi mrp 16" (owner only; the engine checks).

export const setPrice: IntentHandler = async (ctx) => {
  const product = await productOfMessage(ctx);
  const field = ctx.parsed.field ?? 'price';
  if (!product || ctx.parsed.price === undefined) return { replies: [{ key: 'ledger:price.how_to_set' }] };
  const name = productName(product.names, ctx.lang);
  const newPaise = rupeesToPaise(ctx.parsed.price);
  const verdict = checkPriceChange(product, field, newPaise, name);
  if (!verdict.ok) return { replies: [verdict.reason] };

  const oldPaise = currentPaise(product, field);
  const ledger = createLedgerRepository(ctx.db);
  const entryId = await ledger.insertEntry({
    shopId: ctx.shop.id,
    kind: 'set_price',
    inboundMessageId: ctx.message.id,
    actorPhone: ctx.member.phone,
    businessDate: ctx.today,
    details: { productId: product.id, field, oldPaise, newPaise },
  });
  await ledger.insertPriceChange({
    shopId: ctx.shop.id,
    productId: product.id,
    entryId,
    field,
    oldPaise,
    newPaise,
    date: ctx.today,
  });
  await createProductsRepository(ctx.db).setPrice(product.id, field, newPaise);
  const done = reply('ledger:price.set', {
    name,
    field: reply(`ledger:field.${field}`),
    old: oldPaise === null ? '-' : formatRupees(oldPaise),
    new: formatRupees(newPaise),
  });
  return {
    replies: [
      verdict.warning ? reply('ledger:price.set_with_warning', { done, warning: verdict.warning }) : done,
    ],
  };
};
