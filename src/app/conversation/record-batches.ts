import { createProductBatchesRepository } from '../../adapters/postgres/repositories/product-batches.js';
import { shortDate } from '../../core/conversation/calendar-words.js';
import { reply } from '../../core/conversation/reply.js';
import { type LinesEntry, recordLines } from './record-lines.js';
import type { ConversationContext, HandlerResult } from './types.js';

// Sales and purchases with their batches: a purchase said with an expiry date ("20 doodh aaya expiry 28
// tarikh") becomes a batch of what came in, and a sale takes its units from the batches that expire first,
// so price advice and the morning alerts know how much of which day's stock is still on the shelf.

export async function recordLinesAndBatches(
  ctx: ConversationContext,
  entry: LinesEntry,
  expiry?: string,
): Promise<HandlerResult> {
  const result = await recordLines(ctx, entry);
  // A question was asked instead (an unknown product): nothing was written yet.
  if (result.pending) return result;
  const { written, ...answer } = result;
  if (!written) return answer;
  const batches = createProductBatchesRepository(ctx.db);
  if (written.kind === 'sale') {
    const takes = written.moves.map((move) => ({ productId: move.productId, quantity: -move.delta }));
    await batches.consumeMany(ctx.shop.id, takes);
    return answer;
  }
  if (!expiry) return answer;
  for (const move of written.moves) {
    await batches.add({
      shopId: ctx.shop.id,
      productId: move.productId,
      entryId: written.entryId,
      receivedOn: written.date,
      expiresOn: expiry,
      quantity: move.delta,
    });
  }
  return {
    ...answer,
    replies: [...answer.replies, reply('ledger:expiry_noted', { date: shortDate(expiry, ctx.lang) })],
  };
}

/** Undoing a purchase takes its batches away; undoing a sale puts its units back where they came from. */
export async function undoBatches(
  ctx: ConversationContext,
  entry: { id: number; kind: string },
  moves: readonly { productId: number; delta: number }[],
): Promise<void> {
  const batches = createProductBatchesRepository(ctx.db);
  if (entry.kind === 'purchase') await batches.removeEntry(ctx.shop.id, entry.id);
  if (entry.kind === 'sale')
    for (const move of moves) await batches.restore(ctx.shop.id, move.productId, -move.delta);
}
