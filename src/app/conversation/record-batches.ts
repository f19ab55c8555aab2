import { createProductBatchesRepository } from '../../adapters/postgres/repositories/product-batches.js';
import { shortDate } from '../../core/conversation/calendar-words.js';
import { reply } from '../../core/conversation/reply.js';
import { type LinesEntry, recordLines } from './record-lines.js';
import type { ConversationContext, HandlerResult } from './types.js';

// Sales and purchases with their batches: a purchase said with an expiry date ("20 doodh aaya expiry 28
// tarikh") becomes a batch of what came in, and a sale takes its units from the batches that expire first,
// so price advice and the morning alerts know how much of which day's stock is still on the shelf. The
// expiry rides on the lines (linesFromItems), so it is still there when a "which product?" answer finishes
// the entry; a product named on several lines gets one batch, with the earliest expiry said for it.

export async function recordLinesAndBatches(
  ctx: ConversationContext,
  entry: LinesEntry,
): Promise<HandlerResult> {
  const result = await recordLines(ctx, entry);
  // A question was asked instead (an unknown product): nothing was written yet.
  if (result.pending) return result;
  const { written, ...answer } = result;
  if (!written) return answer;
  // A sale's units came out of its batches with the ledger write itself (ledger-batch.ts).
  if (written.kind === 'sale') return answer;
  const batches = createProductBatchesRepository(ctx.db);
  const expiries = expiryByProduct(entry);
  const dated = written.moves.flatMap((move) => {
    const expiry = expiries.get(move.catalogId);
    return expiry ? [{ ...move, expiry }] : [];
  });
  if (dated.length === 0) return answer;
  for (const move of dated) {
    await batches.add({
      shopId: ctx.shop.id,
      productId: move.productId,
      entryId: written.entryId,
      receivedOn: written.date,
      expiresOn: move.expiry,
      quantity: move.delta,
    });
  }
  const said = [...new Set(dated.map((move) => move.expiry))].sort();
  const noted = said.map((date) => reply('ledger:expiry_noted', { date: shortDate(date, ctx.lang) }));
  return { ...answer, replies: [...answer.replies, ...noted] };
}

function expiryByProduct(entry: LinesEntry): Map<string, string> {
  const earliest = new Map<string, string>();
  for (const line of entry.lines) {
    if (!line.expiry || !line.productId) continue;
    const known = earliest.get(line.productId);
    if (!known || line.expiry < known) earliest.set(line.productId, line.expiry);
  }
  return earliest;
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
