import type { Unit } from '../catalog/types.js';

// Kirana units in the spellings they are typed in. Quantities keep the unit said (500 gram stays 500 g);
// converting to the product's stock unit is the catalog's job (see toProductUnit).

const SPELLINGS: Record<Unit, string> = {
  kg: 'kg kgs kilo kilos kilogram kilograms kila kilu किलो किग्रा केजी',
  g: 'g gm gms gram grams grm gr gramm ग्राम ग्रा',
  litre: 'l lt ltr ltrs litre litres liter liters leter litar लीटर लिटर',
  ml: 'ml mls millilitre milliliter एमएल मिली',
  packet:
    'packet packets pkt pkts pack packs paket pakit pakket paiket packit pockets pocket पैकेट पाकेट पैकिट पैकेट्स',
  piece: 'piece pieces pc pcs pis peace nag nug adad पीस नग',
  dozen: 'dozen dozens dz doz darjan darzan darjon दर्जन',
  carton: 'carton cartons ctn box boxes peti petti dabba dabbe dibba dibbe डिब्बा डिब्बे कार्टन पेटी बॉक्स',
  bottle: 'bottle bottles btl botal bottal botel बोतल',
  bag: 'bag bags bori bora katta कट्टा बोरी बोरा',
};

const UNIT_BY_WORD = new Map<string, Unit>(
  (Object.entries(SPELLINGS) as [Unit, string][]).flatMap(([unit, words]) =>
    words.split(' ').map((word) => [word, unit] as const),
  ),
);

export function unitOf(word: string): Unit | undefined {
  return UNIT_BY_WORD.get(word);
}

const MASS: Partial<Record<Unit, number>> = { kg: 1000, g: 1 };
const VOLUME: Partial<Record<Unit, number>> = { litre: 1000, ml: 1 };

/**
 * Converts a quantity to another unit where that is a matter of arithmetic (g <-> kg, ml <-> litre,
 * dozen -> piece, carton -> pack size); returns null when the units do not convert.
 */
export function convertQuantity(quantity: number, from: Unit, to: Unit, packSize = 1): number | null {
  if (from === to) return quantity;
  for (const table of [MASS, VOLUME]) {
    const a = table[from];
    const b = table[to];
    if (a !== undefined && b !== undefined) return (quantity * a) / b;
  }
  if (from === 'dozen' && to === 'piece') return quantity * 12;
  if (from === 'piece' && to === 'dozen') return quantity / 12;
  if (from === 'carton' || from === 'bag') return quantity * packSize;
  if (to !== 'carton' && (from === 'packet' || from === 'piece' || from === 'bottle')) {
    if (to === 'packet' || to === 'piece' || to === 'bottle') return quantity;
  }
  return null;
}
