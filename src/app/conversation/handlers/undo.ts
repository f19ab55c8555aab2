import { createLedgerRepository, type EntryRow } from '../../../adapters/postgres/repositories/ledger.js';
import { createProductsRepository } from '../../../adapters/postgres/repositories/products.js';
import { dayWords } from '../../../core/conversation/calendar-words.js';
import { quantityWords } from '../../../core/conversation/confirmations.js';
import { type ReplyText, reply } from '../../../core/conversation/reply.js';
import { productName, type ShopProduct } from '../../../core/conversation/shop-product.js';
import { isUndoable, undoVerdict } from '../../../core/conversation/undo-rules.js';
import { formatRupees } from '../../../core/money.js';
import { undoBatches } from '../record-batches.js';
import type { ConversationContext, IntentHandler } from '../types.js';

// "undo" takes back the shop's last entry (sale, purchase, stock count or price change) from the last
// 24 hours: stock movements are reversed by opposite movements, prices go back to what they were, and
// the reply names exactly what was taken back.

export const undo: IntentHandler = async (ctx) => {
  const ledger = createLedgerRepository(ctx.db);
  const entry = await ledger.lockLastOpenEntry(ctx.shop.id);
  const verdict = undoVerdict(entry && isUndoable(entry.kind) ? entry : undefined, {
    now: ctx.now,
    role: ctx.member.role,
  });
  if (verdict !== 'ok' || !entry) return { replies: [{ key: `ledger:undo.${verdict}` }] };

  const description = await describe(ctx, entry);
  const products = createProductsRepository(ctx.db);
  const movements = await ledger.movementsOf(entry.id);
  await undoBatches(ctx, entry, movements);
  for (const movement of movements) {
    if (movement.delta === 0) continue;
    await ledger.insertMovement({
      shopId: ctx.shop.id,
      productId: movement.productId,
      entryId: entry.id,
      delta: -movement.delta,
      reason: 'undo',
      date: entry.businessDate,
    });
    await products.addStock(movement.productId, -movement.delta);
  }
  // Newest change first, so a price and MRP changed together come back in a consistent order.
  for (const change of (await ledger.priceChangesOf(entry.id)).reverse()) {
    await products.setPrice(change.productId, change.field, change.oldPaise);
  }
  await ledger.markUndone(entry.id, ctx.now);
  return { replies: [description] };
};

async function describe(ctx: ConversationContext, entry: EntryRow): Promise<ReplyText> {
  const ledger = createLedgerRepository(ctx.db);
  const productIds = async (ids: number[]) => createProductsRepository(ctx.db).findByIds(ctx.shop.id, ids);
  const nameOf = (product: ShopProduct | undefined) => (product ? productName(product.names, ctx.lang) : '?');
  const day = dayWords(entry.businessDate, ctx.today, ctx.lang);

  if (entry.kind === 'sale' || entry.kind === 'purchase') {
    const lines = await ledger.linesOf(entry.id, entry.kind === 'sale' ? 'sales' : 'purchases');
    const products = await productIds(lines.map((line) => line.productId));
    const items = lines.map((line) => {
      const product = products.get(line.productId);
      return reply('ledger:undo.item', {
        name: nameOf(product),
        qty: quantityWords(line.quantity, product?.unit ?? 'piece'),
      });
    });
    const total = lines.reduce((sum, line) => sum + (line.amountPaise ?? 0), 0);
    return reply(entry.kind === 'sale' ? 'ledger:undo.sale' : 'ledger:undo.purchase', {
      day,
      lines: items,
      total: formatRupees(total),
    });
  }
  if (entry.kind === 'set_stock') {
    const [movement] = await ledger.movementsOf(entry.id);
    const products = movement ? await productIds([movement.productId]) : new Map<number, ShopProduct>();
    const product = movement ? products.get(movement.productId) : undefined;
    const back = product && movement ? product.stockQuantity - movement.delta : undefined;
    // Back to a count at or below zero (sales before any count) reads as "no stock recorded", not -18.
    if (product && back !== undefined && back <= 0)
      return reply('ledger:undo.stock_none', { name: nameOf(product) });
    return reply('ledger:undo.stock', {
      name: nameOf(product),
      qty: back === undefined || !product ? '-' : quantityWords(back, product.unit),
    });
  }
  const [change] = await ledger.priceChangesOf(entry.id);
  const products = change ? await productIds([change.productId]) : new Map<number, ShopProduct>();
  return reply('ledger:undo.price', {
    name: nameOf(change ? products.get(change.productId) : undefined),
    field: reply(`ledger:field.${change?.field ?? 'price'}`),
    old: change?.oldPaise == null ? '-' : formatRupees(change.oldPaise),
  });
}
