import type { Queryable } from '../../adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import type { Unit } from '../../core/catalog/types.js';
import { type ReplyText, reply } from '../../core/conversation/reply.js';
import { formatRupees } from '../../core/money.js';
import type { Lang } from '../../core/parse.js';
import { amountWithUnit, dayMonth, festivalName, name, roughAmount } from './advice-words.js';
import { type PriceAdvice, priceAdvice } from './price-suggestion.js';

// "Maggi ka rate kya rakhun?": today's price with MRP and cost, the suggested price, what it does to daily
// units and profit, how sure that is, and the festival caution when demand is peaking.

export interface PriceQuestion {
  shop: { id: number; stateCode: string | null; minMarginBp: number };
  today: string;
  lang: Lang;
  catalogId?: string;
}

export async function answerPriceQuestion(db: Queryable, q: PriceQuestion): Promise<ReplyText> {
  if (!q.catalogId) return reply('pricing:which');
  const [product] = await createAdviceProductsRepository(db).byCatalogIds(q.shop.id, [q.catalogId]);
  if (!product) return reply('pricing:which');
  const productName = name(product.names, q.lang);
  const advice = await priceAdvice(db, { shop: q.shop, product, today: q.today });
  if (!advice) return reply('pricing:need_cost', { name: productName });
  return priceReply(advice, {
    name: productName,
    lang: q.lang,
    costPaise: product.costPaise ?? 0,
    unit: product.unit,
  });
}

export function priceReply(
  advice: PriceAdvice,
  o: { name: string; lang: Lang; costPaise: number; unit?: Unit },
): ReplyText {
  const s = advice.suggestion;
  const now = reply('pricing:now', {
    name: o.name,
    price: formatRupees(s.currentPricePaise),
    mrp: formatRupees(s.ceilingPaise),
    cost: formatRupees(o.costPaise),
  });
  const percent = Math.abs(Math.round(s.unitsChange * 100));
  const profit = formatRupees(Math.round(Math.abs(s.profitChangePaise) / 100) * 100);
  const suggestion =
    s.kind === 'keep'
      ? reply('pricing:keep', { price: formatRupees(s.pricePaise) })
      : s.kind === 'clearance'
        ? clearanceWords(advice, o)
        : reply(s.unitsChange < 0 ? 'pricing:move_fewer' : 'pricing:move_more', {
            price: formatRupees(s.pricePaise),
            percent,
            profit,
          });
  return reply('pricing:answer', {
    now,
    suggestion,
    festival: advice.festivalPeak
      ? reply('pricing:festival_peak', { festival: festivalName(advice.festivalPeak.festivalId, o.lang) })
      : '',
    sure: reply(`pricing:sure.${s.confidence}`),
  });
}

// Stock that expires says why the price drops: how much expires when, and how little would sell by then.
function clearanceWords(advice: PriceAdvice, o: { lang: Lang; unit?: Unit }): ReplyText {
  const price = formatRupees(advice.suggestion.pricePaise);
  const expiry = advice.expiry;
  if (!expiry || !advice.suggestion.reasons.includes('near-expiry'))
    return reply('pricing:clearance', { price });
  return reply('pricing:clearance_expiry', {
    price,
    qty: amountWithUnit(expiry.units, o.unit ?? 'piece'),
    date: dayMonth(expiry.expiresOn, o.lang),
    sell: roughAmount(expiry.expectedSales),
  });
}
