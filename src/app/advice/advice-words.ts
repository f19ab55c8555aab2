import type { ProductNames, Unit } from '../../core/catalog/types.js';
import { shortDate } from '../../core/conversation/calendar-words.js';
import { type ReplyText, reply } from '../../core/conversation/reply.js';
import { productName } from '../../core/conversation/shop-product.js';
import { festivalById } from '../../core/festivals/index.js';
import { groupIndian } from '../../core/money.js';
import type { Lang } from '../../core/parse.js';

// Small pieces the restock, price and order replies share: amounts as a shopkeeper reads them ("~210",
// "1.5 kg"), units in the reply language, festival names and dates.

/** Whole numbers from 10 up, one decimal below (kilos and litres of slow items). */
export function roughAmount(value: number): string {
  const v = Math.max(0, value);
  if (v >= 10) return groupIndian(Math.round(v));
  const rounded = Math.round(v * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function amountWithUnit(value: number, unit: Unit): ReplyText {
  return reply(`restock:unit.${unit}`, { n: roughAmount(value) });
}

export function name(names: ProductNames, lang: Lang): string {
  return productName(names, lang);
}

export function festivalName(festivalId: string, lang: Lang): string {
  return festivalById(festivalId)?.names[lang] ?? festivalId;
}

export function dayMonth(date: string, lang: Lang): string {
  return shortDate(date, lang);
}

/** "192 packet (2 × 96)": the order in units and in the supplier's packs. */
export function orderWords(units: number, packs: number, packSize: number, unit: Unit): ReplyText {
  const qty = amountWithUnit(units, unit);
  if (packSize <= 1) return qty;
  return reply('restock:order_packs', { qty, packs, size: roughAmount(packSize) });
}
