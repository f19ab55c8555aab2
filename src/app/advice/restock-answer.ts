import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import { createRestockListsRepository } from '../../adapters/postgres/repositories/restock-lists.js';
import { type ReplyText, reply } from '../../core/conversation/reply.js';
import { festivalById } from '../../core/festivals/index.js';
import { daysBetween } from '../../core/inventory/local-date.js';
import { nextDaysWindow } from '../../core/inventory/restock.js';
import type { Lang } from '../../core/parse.js';
import { festivalRestockList } from './festival-restock.js';
import { buyingWindow, nextOccurrence, shopFestivals } from './festival-windows.js';
import { type AdviceDeps, type PlannedRestock, planRestock } from './restock-plan.js';
import { festivalListAnswer, restockAnswer, tooEarlyAnswer } from './restock-replies.js';

// "Diwali ke liye kitni Maggi mangaun?", "how much milk next week?", "diwali ka saman": one product over a
// festival's buying window or the next N days, or, without a product, the festival's restock list. What
// was advised is kept as the shop's pending list, so "order bhej do" sends exactly that.

export interface RestockQuestion {
  shop: { id: number; stateCode: string | null };
  today: string;
  now: Date;
  lang: Lang;
  catalogId?: string;
  festivalId?: string;
  days?: number;
}

/** An order this far ahead would have to cover every day until then; the answer gives the festival's sales. */
const EARLY_DAYS = 30;

/** Without a festival named, the list is for the next one this far ahead. */
const NEXT_FESTIVAL_DAYS = 45;

export async function answerRestockQuestion(deps: AdviceDeps, q: RestockQuestion): Promise<ReplyText> {
  const festival = q.festivalId ? nextOccurrence(q.festivalId, q.today) : undefined;
  if (q.festivalId && !festival) return reply('restock:which');
  if (q.catalogId) {
    const [product] = await createAdviceProductsRepository(deps.db).byCatalogIds(q.shop.id, [q.catalogId]);
    if (!product) return reply('restock:which');
    const days = q.days ?? 7;
    const [planned] = await planRestock(deps, {
      shop: q.shop,
      today: q.today,
      now: q.now,
      products: [product],
      window: (p) =>
        festival ? buyingWindow(festival.id, festival.date) : nextDaysWindow(q.today, days, p.leadTimeDays),
      ...(festival ? { festivalId: festival.id } : {}),
    });
    if (!planned) return reply('restock:which');
    if (festival && daysBetween(q.today, planned.advice.orderByDate) > EARLY_DAYS)
      return tooEarlyAnswer(planned, { lang: q.lang, festival });
    await keepAsPending(deps, q, [planned], festival?.id);
    return restockAnswer(planned, { lang: q.lang, today: q.today, days, ...(festival ? { festival } : {}) });
  }
  const target =
    festival ??
    shopFestivals(q.today, NEXT_FESTIVAL_DAYS, q.shop.stateCode).find(
      (f) => Object.keys(festivalById(f.id)?.uplift ?? {}).length > 0,
    );
  if (!target) return reply('restock:which');
  const items = await festivalRestockList(deps, {
    shop: q.shop,
    today: q.today,
    now: q.now,
    festival: target,
  });
  await keepAsPending(deps, q, items, target.id);
  return festivalListAnswer(items, {
    lang: q.lang,
    today: q.today,
    festival: target,
    daysBefore: daysBetween(q.today, target.date),
  });
}

async function keepAsPending(
  deps: AdviceDeps,
  q: RestockQuestion,
  planned: readonly PlannedRestock[],
  festivalId: string | undefined,
): Promise<void> {
  const items = planned
    .filter((p) => p.advice.orderUnits > 0)
    .map((p) => ({ productId: p.product.id, units: p.advice.orderUnits }));
  if (items.length === 0) return;
  await createRestockListsRepository(deps.db).save(q.shop.id, {
    source: 'chat',
    festivalId: festivalId ?? null,
    items,
    at: q.now,
  });
}
