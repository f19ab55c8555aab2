import { type ReplyText, reply } from '../../core/conversation/reply.js';
import { addDays } from '../../core/inventory/local-date.js';
import type { Lang } from '../../core/parse.js';
import { amountWithUnit, dayMonth, festivalName, name, orderWords, roughAmount } from './advice-words.js';
import type { PlannedRestock } from './restock-plan.js';

// The restock answer: expected sales with a range, what to order and by when, and why in one line. When
// the forecast was made on the spot from thin history, the answer says it is less sure.

export interface RestockAnswerContext {
  lang: Lang;
  today: string;
  festival?: { id: string; date: string };
  days?: number;
}

export function restockAnswer(planned: PlannedRestock, ctx: RestockAnswerContext): ReplyText {
  const { product, advice } = planned;
  const productName = name(product.names, ctx.lang);
  if (advice.basis === 'no-history') return reply('restock:no_history', { name: productName });
  const expected = {
    mean: amountWithUnit(advice.windowDemand.mean, product.unit),
    low: roughAmount(advice.windowDemand.low),
    high: roughAmount(advice.windowDemand.high),
  };
  const when = ctx.festival
    ? reply('restock:when_festival', {
        festival: festivalName(ctx.festival.id, ctx.lang),
        date: dayMonth(ctx.festival.date, ctx.lang),
      })
    : reply('restock:when_days', { days: ctx.days ?? 7 });
  const stock = amountWithUnit(product.stock, product.unit);
  const action =
    advice.orderUnits > 0
      ? reply(advice.late ? 'restock:order_today' : 'restock:order_by', {
          order: orderWords(advice.orderUnits, advice.packs, advice.packSize, product.unit),
          date: dayMonth(advice.orderByDate, ctx.lang),
        })
      : reply('restock:enough');
  return reply('restock:answer', {
    icon: ctx.festival?.id === 'diwali' ? '🪔 ' : ctx.festival ? '🎉 ' : '📦 ',
    when,
    name: productName,
    ...expected,
    stock,
    action,
    why: whyLine(planned, ctx),
    note: planned.source === 'computed' ? reply('restock:less_sure') : '',
  });
}

/** A festival still months away: its expected sales, and when to ask for the order. */
export function tooEarlyAnswer(
  planned: PlannedRestock,
  ctx: { lang: Lang; festival: { id: string; date: string } },
): ReplyText {
  const { product, advice } = planned;
  return reply('restock:too_early', {
    festival: festivalName(ctx.festival.id, ctx.lang),
    date: dayMonth(ctx.festival.date, ctx.lang),
    name: name(product.names, ctx.lang),
    mean: amountWithUnit(advice.windowDemand.mean, product.unit),
    low: roughAmount(advice.windowDemand.low),
    high: roughAmount(advice.windowDemand.high),
    ask: dayMonth(addDays(advice.orderByDate, -14), ctx.lang),
  });
}

function whyLine(planned: PlannedRestock, ctx: RestockAnswerContext): ReplyText | string {
  const { why } = planned.advice;
  const daily = why.recentDailyAverage;
  if (daily === null || daily <= 0) return '';
  const unit = planned.product.unit;
  if (ctx.festival && why.upliftFactor !== null && why.upliftFactor >= 1.15) {
    return reply('restock:why_festival', {
      festival: festivalName(ctx.festival.id, ctx.lang),
      factor: (Math.round(why.upliftFactor * 10) / 10).toFixed(1),
      daily: amountWithUnit(daily, unit),
    });
  }
  return reply('restock:why_recent', { daily: amountWithUnit(daily, unit) });
}

/** The festival restock list: one line per item, and how to send it to the supplier. */
export function festivalListAnswer(
  items: readonly PlannedRestock[],
  ctx: { lang: Lang; today: string; festival: { id: string; date: string }; daysBefore: number },
): ReplyText {
  const festival = festivalName(ctx.festival.id, ctx.lang);
  if (items.length === 0) return reply('restock:list_empty', { festival });
  return reply('restock:list', {
    icon: ctx.festival.id === 'diwali' ? '🪔' : '🎉',
    festival,
    date: dayMonth(ctx.festival.date, ctx.lang),
    days: ctx.daysBefore,
    lines: items.map((item) =>
      reply('restock:list_line', {
        name: name(item.product.names, ctx.lang),
        order: orderWords(item.advice.orderUnits, item.advice.packs, item.advice.packSize, item.product.unit),
      }),
    ),
    less_sure: items.some((item) => item.source === 'computed') ? reply('restock:less_sure') : '',
  });
}
