import type { Unit } from '../catalog/types.js';
import type { Atom } from './atoms.js';
import type { ParsedItem } from './types.js';

// Second pass: atoms -> items. A message is cut into segments (lines, commas, "aur"); inside a segment,
// prices are recognised first ("@ 14", "14 rs each", "₹120 kilo", "10 x 15", "- 336 rs"), then each
// product takes the quantities next to it, in whichever order the shopkeeper wrote them.

type Piece =
  | { type: 'qty'; value: number; unit?: Unit }
  | { type: 'price'; value: number; kind: 'unit' | 'amount' | 'plain' }
  | { type: 'product'; id: string | null; text: string; candidates?: string[] }
  | { type: 'unknown'; text: string };

const COUNT_UNITS: ReadonlySet<Unit> = new Set<Unit>(['packet', 'piece', 'bottle', 'carton', 'dozen', 'bag']);

/** Largest bare number after a pack size still read as a count of packs. */
const PACK_COUNT_MAX = 12;

function isPackSize(item: ParsedItem): boolean {
  return (
    (item.unit === 'g' || item.unit === 'ml') && item.amount === undefined && item.unitPrice === undefined
  );
}

function segments(atoms: Atom[]): Atom[][] {
  const out: Atom[][] = [[]];
  for (const atom of atoms) {
    if (atom.type === 'break') out.push([]);
    else out.at(-1)!.push(atom);
  }
  return out.filter((segment) => segment.length > 0);
}

/** Reads prices and quantities out of a segment's atoms, leaving products and unknown words in order. */
function toPieces(atoms: Atom[]): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  const isNum = (k: number): boolean => atoms[k]?.type === 'num';
  const numAt = (k: number): number => (atoms[k] as { value: number }).value;
  // After a price: "each", "per kilo", "ka kilo", or a unit word make it a unit price.
  const perUnitAfter = (k: number): number => {
    const atom = atoms[k];
    if (atom?.type === 'each' && atoms[k + 1]?.type === 'unit') return 2;
    if (
      atom?.type === 'each' &&
      ['each', 'per', 'har', 'ea', 'wala', 'wale', 'wali', 'प्रति', 'हर', 'वाला', 'वाले', 'वाली'].includes(
        atom.word,
      )
    )
      return 1;
    if (atom?.type === 'unit') return 1;
    const next = atoms[k + 1];
    if (
      atom?.type === 'each' &&
      ['ka', 'ke', 'ki', 'का', 'के', 'की'].includes(atom.word) &&
      ((next?.type === 'num' && numAt(k + 1) === 1) || (next?.type === 'each' && next.word === 'rate'))
    ) {
      return 2;
    }
    return 0;
  };
  while (i < atoms.length) {
    const atom = atoms[i]!;
    if (atom.type === 'money' && isNum(i + 1)) {
      const value = numAt(i + 1);
      const skipMoney = atoms[i + 2]?.type === 'money' ? 1 : 0;
      const per = perUnitAfter(i + 2 + skipMoney);
      pieces.push({ type: 'price', value, kind: per > 0 ? 'unit' : 'plain' });
      i += 2 + skipMoney + per;
      continue;
    }
    if (atom.type === 'num' && atoms[i + 1]?.type === 'money') {
      const per = perUnitAfter(i + 2);
      pieces.push({ type: 'price', value: atom.value, kind: per > 0 ? 'unit' : 'plain' });
      i += 2 + per;
      continue;
    }
    if (atom.type === 'at' && isNum(i + 1)) {
      const skip = atoms[i + 2]?.type === 'money' ? 1 : 0;
      pieces.push({ type: 'price', value: numAt(i + 1), kind: 'unit' });
      i += 2 + skip + perUnitAfter(i + 2 + skip);
      continue;
    }
    if (atom.type === 'total' && (isNum(i + 1) || (atoms[i + 1]?.type === 'money' && isNum(i + 2)))) {
      const at = isNum(i + 1) ? i + 1 : i + 2;
      pieces.push({ type: 'price', value: numAt(at), kind: 'amount' });
      i = at + 1 + (atoms[at + 1]?.type === 'money' ? 1 : 0);
      continue;
    }
    if (atom.type === 'num' && atoms[i + 1]?.type === 'times' && isNum(i + 2)) {
      // 10 x 15: ten at fifteen each
      pieces.push(
        atom.unit ? { type: 'qty', value: atom.value, unit: atom.unit } : { type: 'qty', value: atom.value },
      );
      pieces.push({ type: 'price', value: numAt(i + 2), kind: 'unit' });
      i += 3 + (atoms[i + 3]?.type === 'money' ? 1 : 0);
      continue;
    }
    if (atom.type === 'times' && isNum(i + 1)) {
      i++;
      continue;
    }
    if (
      atom.type === 'num' &&
      atoms[i + 1]?.type === 'each' &&
      perUnitAfter(i + 1) === 1 &&
      atoms[i + 1]?.type !== 'unit'
    ) {
      // "20 each", "46 per kg"
      pieces.push({ type: 'price', value: atom.value, kind: 'unit' });
      i += 2 + (atoms[i + 2]?.type === 'unit' ? 1 : 0);
      continue;
    }
    if (atom.type === 'num' && atoms[i + 1]?.type === 'each' && perUnitAfter(i + 1) === 2) {
      // "120 ka kilo", "14 ka ek": a price per unit without a currency word
      pieces.push({ type: 'price', value: atom.value, kind: 'unit' });
      i += 3;
      continue;
    }
    if (atom.type === 'num') {
      const next = atoms[i + 1];
      if (next?.type === 'unit') {
        pieces.push({ type: 'qty', value: atom.value, unit: next.unit });
        i += 2;
      } else {
        pieces.push(
          atom.unit
            ? { type: 'qty', value: atom.value, unit: atom.unit }
            : { type: 'qty', value: atom.value },
        );
        i++;
      }
      continue;
    }
    if (atom.type === 'unit') {
      // "darjan ande", "a dozen eggs": a unit alone is one of it
      pieces.push({ type: 'qty', value: 1, unit: atom.unit });
    } else if (atom.type === 'product') pieces.push(atom);
    else if (atom.type === 'unknown') pieces.push(atom);
    i++;
  }
  return pieces;
}

/** Runs of unknown words next to a quantity stand for a product the catalog does not know ("5 magic"). */
function markUnknownProducts(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  // "1 butter 1 jam": in a quantity-first segment the number before a word is that word's.
  const lead = pieces.find(
    (piece) => piece.type === 'qty' || piece.type === 'product' || piece.type === 'unknown',
  );
  const quantityFirst = lead?.type === 'qty';
  let i = 0;
  while (i < pieces.length) {
    const piece = pieces[i]!;
    if (piece.type !== 'unknown') {
      out.push(piece);
      i++;
      continue;
    }
    let j = i;
    const words: string[] = [];
    while (pieces[j]?.type === 'unknown') {
      words.push((pieces[j] as { text: string }).text);
      j++;
    }
    const before = pieces[i - 1];
    const after = pieces[j];
    const ownsBefore = quantityFirst && before?.type === 'qty';
    const ownsAfter = !quantityFirst && after?.type === 'qty' && before?.type !== 'product';
    if (ownsBefore || ownsAfter) out.push({ type: 'product', id: null, text: words.join(' ') });
    else for (const text of words) out.push({ type: 'unknown', text });
    i = j;
  }
  return out;
}

export interface ItemsResult {
  items: ParsedItem[];
  unknownWords: string[];
  /** Prices seen with no product on the segment (for set_price without an item). */
  loosePrices: number[];
  looseQuantities: { value: number; unit?: Unit }[];
}

export function atomsToItems(atoms: Atom[], candidatesFor: (text: string) => string[]): ItemsResult {
  const result: ItemsResult = { items: [], unknownWords: [], loosePrices: [], looseQuantities: [] };
  for (const segment of segments(atoms)) {
    const pieces = markUnknownProducts(toPieces(segment));
    const productIndexes = pieces.flatMap((piece, k) => (piece.type === 'product' ? [k] : []));
    for (const piece of pieces) if (piece.type === 'unknown') result.unknownWords.push(piece.text);
    if (productIndexes.length === 0) {
      for (const piece of pieces) {
        if (piece.type === 'price') result.loosePrices.push(piece.value);
        if (piece.type === 'qty')
          result.looseQuantities.push(
            piece.unit ? { value: piece.value, unit: piece.unit } : { value: piece.value },
          );
      }
      continue;
    }
    const firstQty = pieces.findIndex((piece) => piece.type === 'qty');
    const quantityFirst = firstQty >= 0 && firstQty < productIndexes[0]!;
    // Each product owns a span of pieces: quantities on its side, prices right after it.
    const owner = new Array<number>(pieces.length).fill(-1);
    productIndexes.forEach((p, n) => {
      owner[p] = n;
      const prevProduct = productIndexes[n - 1] ?? -1;
      const nextProduct = productIndexes[n + 1] ?? pieces.length;
      if (quantityFirst) {
        for (let k = p - 1; k > prevProduct && owner[k] === -1; k--) owner[k] = n;
        for (let k = p + 1; k < nextProduct && pieces[k]!.type === 'price'; k++) owner[k] = n;
        if (n === productIndexes.length - 1)
          for (let k = p + 1; k < pieces.length; k++) if (owner[k] === -1) owner[k] = n;
      } else {
        for (let k = p + 1; k < nextProduct; k++) owner[k] = n;
        if (n === 0) for (let k = 0; k < p; k++) owner[k] = n;
      }
    });
    productIndexes.forEach((p, n) => {
      const product = pieces[p] as Extract<Piece, { type: 'product' }>;
      const item: ParsedItem = { product: product.id, text: product.text };
      if (product.id === null) item.candidates = candidatesFor(product.text);
      for (let k = 0; k < pieces.length; k++) {
        if (owner[k] !== n) continue;
        const piece = pieces[k]!;
        if (piece.type === 'qty') {
          if (item.quantity === undefined) {
            item.quantity = piece.value;
            if (piece.unit) item.unit = piece.unit;
          } else if (piece.unit && COUNT_UNITS.has(piece.unit) && item.unit && !COUNT_UNITS.has(item.unit)) {
            // "haldi 100g 2 pkt": the pack size describes the product; the count is what was sold.
            item.quantity = piece.value;
            item.unit = piece.unit;
          } else if (
            !piece.unit &&
            isPackSize(item) &&
            Number.isInteger(piece.value) &&
            piece.value <= PACK_COUNT_MAX
          ) {
            // "chai patti 250 gm 2": a gram or ml figure is the pack's size, the small whole number after it
            // is how many packs; a rupee amount for so little would be written with rs or after a kg/litre.
            item.quantity = piece.value;
            delete item.unit;
          } else if (!piece.unit && item.amount === undefined) item.amount = piece.value;
        } else if (piece.type === 'price') {
          if (piece.kind === 'unit') item.unitPrice = piece.value;
          else item.amount = piece.value;
        }
      }
      result.items.push(item);
    });
  }
  return result;
}
