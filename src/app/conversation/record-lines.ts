import { createLedgerRepository } from '../../adapters/postgres/repositories/ledger.js';
import { createLedgerBatchRepository } from '../../adapters/postgres/repositories/ledger-batch.js';
import { createProductsRepository } from '../../adapters/postgres/repositories/products.js';
import { purchaseConfirmation, saleConfirmation } from '../../core/conversation/confirmations.js';
import { pricePurchaseLine, priceSaleLine } from '../../core/conversation/entry-lines.js';
import type { PendingLine, PickProductQuestion } from '../../core/conversation/pending.js';
import { pickQuestion, pickQuestionWords } from '../../core/conversation/pick-product.js';
import { isBelievableCost } from '../../core/conversation/price-rules.js';
import { productName, type ShopProduct } from '../../core/conversation/shop-product.js';
import type { ConversationContext, HandlerResult } from './types.js';

export type LinesEntry = Omit<PickProductQuestion, 'kind' | 'options'>;

/**
 * Writes a sale or purchase (one statement for the entry, its lines and the stock), one confirmation. If a
 * line's product is not known yet, nothing is written and the question about it is asked instead.
 */
/** What a recorded sale or purchase wrote: its entry and each product's stock change (net). */
export interface WrittenLines {
  entryId: number;
  kind: 'sale' | 'purchase';
  date: string;
  moves: Array<{ productId: number; catalogId: string; delta: number }>;
}

export async function recordLines(
  ctx: ConversationContext,
  entry: LinesEntry,
): Promise<HandlerResult & { written?: WrittenLines }> {
  const question = pickQuestion(entry, { canAddProducts: ctx.member.role === 'owner' });
  if (question) return askPick(ctx, question);

  const products = createProductsRepository(ctx.db);
  const ledger = createLedgerRepository(ctx.db);
  const found = await products.byCatalogIds(
    ctx.shop.id,
    entry.lines.map((line) => line.productId ?? ''),
    { lock: true },
  );
  const lines = entry.lines.filter((line): line is PendingLine & { productId: string } =>
    found.has(line.productId ?? ''),
  );
  if (lines.length === 0) return { replies: [{ key: 'conversation:not_understood' }] };
  // A sale is never dated ahead of today, whatever the words said.
  const date = laterOf(entry.date, ctx.today) === entry.date ? ctx.today : entry.date;
  const sale = entry.intent === 'log_sale';
  const rows = lines.map((line) => {
    const product = found.get(line.productId)!;
    const row = sale ? { ...priceSaleLine(product, line), known: true } : pricePurchaseLine(product, line);
    return { product, row };
  });
  const written = await createLedgerBatchRepository(ctx.db).writeEntry({
    shopId: ctx.shop.id,
    kind: sale ? 'sale' : 'purchase',
    inboundMessageId: ctx.message.id,
    actorPhone: ctx.member.phone,
    businessDate: date,
    lines: rows.map(({ product, row }) => ({
      productId: product.id,
      quantity: row.quantity,
      unit: product.unit,
      unitPricePaise: row.known ? row.unitPricePaise : null,
      amountPaise: row.known ? row.amountPaise : null,
      ...(sale ? { costPaise: product.costPaise } : {}),
    })),
  });

  for (const { product, row } of rows) {
    if (
      !sale &&
      row.priceSaid &&
      row.unitPricePaise !== product.costPaise &&
      isBelievableCost(row.unitPricePaise, product)
    ) {
      // Part of the same entry, so undoing the purchase restores the old cost too.
      await ledger.insertPriceChange({
        shopId: ctx.shop.id,
        productId: product.id,
        entryId: written.entryId,
        field: 'cost',
        oldPaise: product.costPaise,
        newPaise: row.unitPricePaise,
        date,
      });
      await products.setPrice(product.id, 'cost', row.unitPricePaise);
    }
  }
  const priced = stockAfterEachLine(rows, sale, written.stockAfter).map(({ row, product }) => ({
    ...row,
    product,
  }));

  const words = { date, today: ctx.today, lang: ctx.lang };
  return {
    replies: [sale ? saleConfirmation(priced, words) : purchaseConfirmation(priced, words)],
    written: {
      entryId: written.entryId,
      kind: sale ? 'sale' : 'purchase',
      date,
      moves: netMoves(rows, sale),
    },
  };
}

export async function askPick(
  ctx: ConversationContext,
  question: PickProductQuestion,
): Promise<HandlerResult> {
  const ids = question.options.flatMap((option) => ('productId' in option ? [option.productId] : []));
  const named = await createProductsRepository(ctx.db).byCatalogIds(ctx.shop.id, ids, { lock: false });
  const nameOf = (id: string) => {
    const product = named.get(id);
    return product ? productName(product.names, ctx.lang) : id;
  };
  return { replies: [pickQuestionWords(question, nameOf)], pending: question };
}

/**
 * Each line's product as it stood after that line, for the confirmation: a product named twice shows its
 * stock after the first line, then after the second. The database's level after the whole entry is the end
 * point; earlier lines of the same product are that minus the later lines.
 */
function stockAfterEachLine<R extends { quantity: number }>(
  rows: ReadonlyArray<{ product: ShopProduct; row: R }>,
  sale: boolean,
  stockAfter: ReadonlyMap<number, number>,
): Array<{ product: ShopProduct; row: R }> {
  const level = new Map(stockAfter);
  const out: Array<{ product: ShopProduct; row: R }> = [];
  for (const { product, row } of [...rows].reverse()) {
    const after = level.get(product.id) ?? product.stockQuantity;
    out.push({ row, product: { ...product, stockQuantity: after } });
    level.set(product.id, after - (sale ? -row.quantity : row.quantity));
  }
  return out.reverse();
}

function netMoves(
  rows: ReadonlyArray<{ product: ShopProduct; row: { quantity: number } }>,
  sale: boolean,
): WrittenLines['moves'] {
  const net = new Map<number, { productId: number; catalogId: string; delta: number }>();
  for (const { product, row } of rows) {
    const move = net.get(product.id) ?? { productId: product.id, catalogId: product.catalogId, delta: 0 };
    move.delta += sale ? -row.quantity : row.quantity;
    net.set(product.id, move);
  }
  return [...net.values()];
}

/** The later of two YYYY-MM-DD days (they compare as strings). */
function laterOf(a: string, b: string): string {
  return a.localeCompare(b) > 0 ? a : b;
}
