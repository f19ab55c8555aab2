import type { Queryable } from '../../adapters/postgres/pool.js';
import { createReportsRepository } from '../../adapters/postgres/repositories/reports.js';
import type {
  AlertDescriptor,
  ExpiringItem,
  LowStockItem,
  PriceAlertCandidate,
} from '../../core/alerts/types.js';
import { type ReplyText, reply } from '../../core/conversation/reply.js';
import { daysBetween } from '../../core/inventory/local-date.js';
import { formatRupees, paiseToRupees } from '../../core/money.js';
import type { Lang } from '../../core/parse.js';
import { reportWindow } from '../../core/reports/report-period.js';
import { reportReply } from '../../core/reports/report-reply.js';
import { buildSalesReport } from '../../core/reports/sales-report.js';
import { amountWithUnit, dayMonth, name, orderWords, roughAmount } from '../advice/advice-words.js';
import { festivalListAnswer } from '../advice/restock-replies.js';
import type { MorningInputs } from './alert-inputs.js';

// Turns a decided alert into the message the owner reads, in the shop's language.

export async function alertMessage(
  db: Queryable,
  alert: AlertDescriptor,
  o: { shopId: number; lang: Lang; today: string; inputs: MorningInputs | null },
): Promise<ReplyText | null> {
  const products = o.inputs?.products;
  switch (alert.kind) {
    case 'festival-restock': {
      const festivalId = alert.festivalId ?? '';
      const items = o.inputs?.festivalLists.get(festivalId) ?? [];
      const date = String(alert.params.festivalDate);
      return festivalListAnswer(items, {
        lang: o.lang,
        today: o.today,
        festival: { id: festivalId, date },
        daysBefore: daysBetween(o.today, date),
      });
    }
    case 'low-stock': {
      const lines = (alert.params.items as LowStockItem[]).flatMap((item) => {
        const product = products?.get(item.productId);
        if (!product) return [];
        const packs = Math.round(item.suggestedOrderUnits / Math.max(1, product.packSize));
        return [
          reply('alerts:low_line', {
            name: name(product.names, o.lang),
            stock: amountWithUnit(product.stock, product.unit),
            days: roughAmount(item.daysOfCover ?? 0),
            order: orderWords(item.suggestedOrderUnits, packs, product.packSize, product.unit),
          }),
        ];
      });
      return lines.length > 0 ? reply('alerts:low_stock', { lines }) : null;
    }
    case 'expiring': {
      const lines = (alert.params.items as ExpiringItem[]).flatMap((item) => {
        const product = products?.get(item.productId);
        if (!product) return [];
        return [
          reply('alerts:expiring_line', {
            name: name(product.names, o.lang),
            qty: amountWithUnit(item.units, product.unit),
            date: dayMonth(item.expiresOn, o.lang),
            sell: roughAmount(item.expectedSales),
            clearance:
              item.clearancePricePaise === undefined
                ? ''
                : reply('alerts:expiring_clearance', { price: formatRupees(item.clearancePricePaise) }),
          }),
        ];
      });
      return lines.length > 0 ? reply('alerts:expiring', { lines }) : null;
    }
    case 'price': {
      const items = alert.params.items as PriceAlertCandidate[];
      const lines = items.flatMap((item) => {
        const product = products?.get(item.productId);
        if (!product) return [];
        const params = {
          name: name(product.names, o.lang),
          current: formatRupees(item.currentPricePaise),
          price: formatRupees(item.pricePaise),
          profit: formatRupees(Math.round(item.profitChangePaise / 100) * 100),
        };
        return [reply(item.kind === 'clearance' ? 'alerts:clearance_line' : 'alerts:price_line', params)];
      });
      const first = items[0];
      const example = first
        ? `${name(products?.get(first.productId)?.names ?? { en: first.productId, hi: first.productId, 'hi-Latn': first.productId }, o.lang)} price ${paiseToRupees(first.pricePaise)}`
        : '';
      return lines.length > 0 ? reply('alerts:price', { lines, example }) : null;
    }
    case 'no-sales-today':
      return reply('alerts:no_sales');
    case 'weekly-summary': {
      const window = reportWindow('week', o.today);
      const totals = await createReportsRepository(db).totals(o.shopId, window.current, window.previous);
      const report = reportReply(buildSalesReport(window, totals), { lang: o.lang, showProfit: true });
      return reply('alerts:weekly', { report });
    }
  }
}
