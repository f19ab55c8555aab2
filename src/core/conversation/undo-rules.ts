import type { Role } from './access.js';

// Undo reaches back 24 hours: long enough to fix the day's slip, short enough that yesterday's closed
// books are not rewritten by a stray "undo".

export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

export type UndoableKind = 'sale' | 'purchase' | 'set_stock' | 'set_price';

export type UndoVerdict = 'ok' | 'nothing' | 'too_old' | 'not_allowed';

export function undoVerdict(
  entry: { kind: string; createdAt: Date } | undefined,
  o: { now: Date; role: Role },
): UndoVerdict {
  if (!entry) return 'nothing';
  if (o.now.getTime() - entry.createdAt.getTime() > UNDO_WINDOW_MS) return 'too_old';
  if (entry.kind === 'set_price' && o.role !== 'owner') return 'not_allowed';
  return 'ok';
}

export function isUndoable(kind: string): kind is UndoableKind {
  return kind === 'sale' || kind === 'purchase' || kind === 'set_stock' || kind === 'set_price';
}
