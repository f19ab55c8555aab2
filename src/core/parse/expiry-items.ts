import type { Token } from '../language/tokenise.js';
import type { ParsedItem } from './types.js';

// Which items of a purchase an expiry date belongs to. A shopkeeper who lists several items in clauses
// ("20 doodh expiry 28, 10 bread") writes the date in the clause of the item it is for; a date in a clause
// of its own ("20 doodh, 10 dahi aaya, expiry 28") or in a single clause naming several items ("20 doodh
// aur 10 dahi aaya expiry 28") cannot be told apart from one meant for all of them, so it is left to every
// item. Clauses end at line breaks and commas, not at "aur": items joined by "aur" share their clause.

/**
 * Indexes of the items written in the same clause as the expiry words, or null when that clause names no
 * item or every item is in it (the date is then the whole purchase's).
 */
export function itemsNextToExpiry(
  tokens: readonly Token[],
  items: readonly ParsedItem[],
  expiryUsed: readonly number[],
): number[] | null {
  const at = expiryUsed[0];
  if (at === undefined || items.length < 2) return null;
  const positions = itemPositions(tokens, items);
  if (!positions) return null;
  const clause = clauseAround(tokens, at);
  const inClause = positions.flatMap((position, index) =>
    position >= clause.start && position < clause.end ? [index] : [],
  );
  return inClause.length === 0 || inClause.length === items.length ? null : inClause;
}

function clauseAround(tokens: readonly Token[], at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && tokens[start - 1]?.kind !== 'break') start--;
  let end = at;
  while (end < tokens.length && tokens[end]?.kind !== 'break') end++;
  return { start, end };
}

/** Each item's first token, found in message order; null when an item's words cannot be placed. */
function itemPositions(tokens: readonly Token[], items: readonly ParsedItem[]): number[] | null {
  const positions: number[] = [];
  let from = 0;
  for (const item of items) {
    const words = item.text.trim().toLowerCase().split(/\s+/);
    let found = -1;
    for (let i = from; i + words.length <= tokens.length && found < 0; i++) {
      if (words.every((word, k) => tokens[i + k]?.text.toLowerCase() === word)) found = i;
    }
    if (found < 0) return null;
    positions.push(found);
    from = found + words.length;
  }
  return positions;
}
