import { createLedgerRepository } from '../../../adapters/postgres/repositories/ledger.js';
import { createProductsRepository } from '../../../adapters/postgres/repositories/products.js';
import { quantityWords } from '../../../core/conversation/confirmations.js';
import { unitFactor } from '../../../core/conversation/quantities.js';
import { productName } from '../../../core/conversation/shop-product.js';
import { productOfMessage } from '../find-product.js';
import type { IntentHandler } from '../types.js';

// "maggi ka stock 40" sets the count after a shelf check; "maggi kitni bachi hai" reads it.

export const setStock: IntentHandler = async (ctx) => {
  const product = await productOfMessage(ctx);
  const said = ctx.parsed.quantity;
  if (!product || said === undefined) return { replies: [{ key: 'ledger:stock.how_to_set' }] };
  const level = said * unitFactor(ctx.parsed.unit, product);
  const delta = level - product.stockQuantity;
  const ledger = createLedgerRepository(ctx.db);
  const entryId = await ledger.insertEntry({
    shopId: ctx.shop.id,
    kind: 'set_stock',
    inboundMessageId: ctx.message.id,
    actorPhone: ctx.member.phone,
    businessDate: ctx.today,
    details: { productId: product.id, before: product.stockQuantity, after: level },
  });
  // Recorded even when the count matched, so undo can say which product's count it took back.
  await ledger.insertMovement({
    shopId: ctx.shop.id,
    productId: product.id,
    entryId,
    delta,
    reason: 'set_stock',
    date: ctx.today,
  });
  await createProductsRepository(ctx.db).addStock(product.id, delta);
  // Sales logged before any count leave the book below zero; "(was -18)" means nothing on a shelf, so
  // the reply says no stock was recorded, as a stock question would.
  const counted = product.stockQuantity > 0;
  return {
    replies: [
      {
        key: counted ? 'ledger:stock.set' : 'ledger:stock.set_uncounted',
        params: {
          name: productName(product.names, ctx.lang),
          qty: quantityWords(level, product.unit),
          before: quantityWords(product.stockQuantity, product.unit),
        },
      },
    ],
  };
};

export const askStock: IntentHandler = async (ctx) => {
  const product = await productOfMessage(ctx);
  if (!product) return { replies: [{ key: 'ledger:stock.which' }] };
  const name = productName(product.names, ctx.lang);
  if (product.stockQuantity <= 0) return { replies: [{ key: 'ledger:stock.none', params: { name } }] };
  return {
    replies: [
      {
        key: 'ledger:stock.level',
        params: { name, qty: quantityWords(product.stockQuantity, product.unit) },
      },
    ],
  };
};
