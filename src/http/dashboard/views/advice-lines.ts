import type { ProductPageData } from '../../../app/dashboard/product-data.js';
import { festivalById } from '../../../core/festivals/index.js';
import type { RestockAdvice } from '../../../core/inventory/index.js';
import { formatRupees } from '../../../core/money.js';
import { formatDay, formatQuantity, type PageContext, unitName } from '../page-context.js';

// The one-line "why" under each piece of advice, in the viewer's language, from the cores' numbers.

export function forecastLine(ctx: PageContext, data: ProductPageData): string {
  const unit = unitName(ctx, data.product.unit);
  const explanation = data.explanation;
  const level =
    typeof explanation?.recentLevel === 'number' ? explanation.recentLevel : data.product.units28 / 28;
  const parts = [ctx.t('product.why.level', { level: formatQuantity(level), unit })];
  const trend = typeof explanation?.trend === 'number' ? Math.round(explanation.trend * 100) : undefined;
  if (trend !== undefined && trend !== 0) {
    parts.push(
      ctx.t(trend > 0 ? 'product.why.trend_up' : 'product.why.trend_down', { percent: Math.abs(trend) }),
    );
  }
  const uplifts = Array.isArray(explanation?.festivalUpliftPct) ? explanation.festivalUpliftPct : [];
  for (const uplift of uplifts.slice(0, 2) as Array<{ event?: string; upliftPct?: number }>) {
    if (typeof uplift.upliftPct !== 'number' || uplift.upliftPct <= 0 || !uplift.event) continue;
    const names = festivalById(uplift.event)?.names;
    const name = names ? (ctx.lang === 'hi' ? names.hi : names.en) : uplift.event;
    parts.push(ctx.t('product.why.festival', { name, percent: Math.round(uplift.upliftPct) }));
  }
  if (!explanation) parts.push(ctx.t('product.why.no_forecast'));
  return parts.join(' · ');
}

export function restockLine(ctx: PageContext, advice: RestockAdvice, unit: string): string {
  const demand = {
    low: formatQuantity(Math.floor(advice.windowDemand.low)),
    high: formatQuantity(Math.ceil(advice.windowDemand.high)),
    stock: formatQuantity(advice.why.stockOnHand + advice.why.stockOnOrder),
    unit: unitName(ctx, unit),
  };
  if (advice.orderUnits === 0) return ctx.t('product.restock.none', demand);
  return ctx.t('product.restock.order', {
    ...demand,
    units: formatQuantity(advice.orderUnits),
    packs: ctx.t('festivals.packs', { count: advice.packs }),
    date: formatDay(advice.orderByDate, ctx.lang),
  });
}

export function priceLine(ctx: PageContext, data: ProductPageData): string | undefined {
  const price = data.price;
  if (!price) return undefined;
  const params = {
    price: formatRupees(price.pricePaise),
    current: formatRupees(price.currentPricePaise),
    units: Math.abs(Math.round(price.unitsChange * 100)),
    profit: formatRupees(Math.round(Math.abs(price.profitChangePaise) / 100) * 100),
  };
  const main = ctx.t(`product.price.${price.kind}`, params);
  const reasons = price.reasons
    .filter((reason) => reason !== 'small-gain' || price.kind === 'keep')
    .map((reason) => ctx.t(`product.price.reason.${reason}`));
  return [main, ...reasons].join(' · ');
}
