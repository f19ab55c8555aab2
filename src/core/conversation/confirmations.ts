import { formatRupees } from '../money.js';
import type { Lang } from '../parse/types.js';
import { dayWords } from './calendar-words.js';
import type { PricedLine } from './entry-lines.js';
import { formatQuantity, showsUnit } from './quantities.js';
import { type ReplyText, reply } from './reply.js';
import { productName } from './shop-product.js';

// The one compact message that confirms a ledger write: a line per item (quantity × price = amount),
// the total, and how to undo.

export function quantityWords(quantity: number, unit: PricedLine['product']['unit']): string | ReplyText {
  const n = formatQuantity(quantity);
  return showsUnit(unit) ? reply(`ledger:qty.${unit}`, { n }) : n;
}

function lineWords(line: PricedLine, lang: Lang): ReplyText {
  return reply('ledger:line', {
    name: productName(line.product.names, lang),
    qty: quantityWords(line.quantity, line.product.unit),
    price: formatRupees(line.unitPricePaise),
    amount: formatRupees(line.amountPaise),
    // A line without a count is logged as 1 rather than asked about (a question per line would slow the
    // counter), so the confirmation says so where the shopkeeper will see it.
    assumed: line.quantityAssumed ? reply('ledger:assumed_one') : '',
  });
}

export function saleConfirmation(
  lines: readonly PricedLine[],
  o: { date: string; today: string; lang: Lang },
) {
  return reply('ledger:sale.done', {
    day: dayWords(o.date, o.today, o.lang),
    lines: lines.map((line) => lineWords(line, o.lang)),
    total: formatRupees(lines.reduce((sum, line) => sum + line.amountPaise, 0)),
  });
}

/**
 * Purchases list what came in and the stock now (each line's product carries its stock after the write);
 * the cost total only when every line's cost is known.
 */
export function purchaseConfirmation(
  lines: readonly (PricedLine & { known: boolean })[],
  o: { date: string; today: string; lang: Lang },
): ReplyText {
  const known = lines.every((line) => line.known);
  // Stock still at or below zero (more was sold than ever counted) is not shown as a negative number.
  const items = lines.map((line) => {
    const said = {
      name: productName(line.product.names, o.lang),
      qty: quantityWords(line.quantity, line.product.unit),
      assumed: line.quantityAssumed ? reply('ledger:assumed_one') : '',
    };
    return line.product.stockQuantity > 0
      ? reply('ledger:purchase.line', {
          ...said,
          stock: quantityWords(line.product.stockQuantity, line.product.unit),
        })
      : reply('ledger:purchase.line_uncounted', said);
  });
  const total = lines.reduce((sum, line) => sum + line.amountPaise, 0);
  return reply(known && total > 0 ? 'ledger:purchase.done_cost' : 'ledger:purchase.done', {
    day: dayWords(o.date, o.today, o.lang),
    lines: items,
    total: formatRupees(total),
  });
}
