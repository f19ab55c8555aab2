import type { AdviceProduct } from '../../adapters/postgres/repositories/advice-products.js';
import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import type {
  AlertSettings,
  ExpiringItem,
  LowStockItem,
  PriceAlertCandidate,
  SentAlert,
  UpcomingFestival,
} from '../../core/alerts/types.js';
import { festivalById } from '../../core/festivals/index.js';
import { addDays, daysBetween } from '../../core/inventory/local-date.js';
import { nextDaysWindow } from '../../core/inventory/restock.js';
import { assessStockCover } from '../../core/inventory/stock-cover.js';
import { festivalRestockList } from '../advice/festival-restock.js';
import { shopFestivals } from '../advice/festival-windows.js';
import { type ElasticityCache, priceAdvice } from '../advice/price-suggestion.js';
import { type AdviceDeps, type PlannedRestock, planRestock } from '../advice/restock-plan.js';
import { expiringItems } from './expiring-items.js';

// What the morning alerts are decided from: items whose stock will not last until a new order can land,
// restock lists for festivals 14 and 7 days away, and prices worth changing. Product ids in alerts are
// catalog ids, the same ones the chat uses.

/** Days between two orders: stock must last the lead time plus this. */
export const REVIEW_PERIOD_DAYS = 3;
/** A low-stock order covers this many days after it arrives. */
const ORDER_COVER_DAYS = 7;
/** Festivals this close together (Dhanteras, Diwali, Bhai Dooj) get one list: the biggest one's. */
const CLUSTER_DAYS = 7;
/** The same price idea is not repeated within this many days. */
const PRICE_REPEAT_DAYS = 7;

export interface MorningInputs {
  lowStock: LowStockItem[];
  expiring: ExpiringItem[];
  festivals: UpcomingFestival[];
  priceSuggestions: PriceAlertCandidate[];
  /** For the messages: products by catalog id, and the festival lists with their details. */
  products: Map<string, AdviceProduct>;
  festivalLists: Map<string, PlannedRestock[]>;
}

export interface MorningRequest {
  shop: { id: number; stateCode: string | null; minMarginBp: number };
  today: string;
  now: Date;
  settings: AlertSettings;
  sent: readonly SentAlert[];
  elasticities?: ElasticityCache;
}

export async function morningInputs(deps: AdviceDeps, request: MorningRequest): Promise<MorningInputs> {
  const { shop, today } = request;
  const sold = await createAdviceProductsRepository(deps.db).soldSince(shop.id, addDays(today, -28));
  const products = new Map(sold.map((p) => [p.catalogId, p]));
  const enabled = (kind: string) => !request.settings.kindsOff.includes(kind as never);

  const lowStock: LowStockItem[] = [];
  if (enabled('low-stock')) {
    const planned = await planRestock(deps, {
      shop,
      today,
      now: request.now,
      products: sold,
      window: (p) => nextDaysWindow(today, ORDER_COVER_DAYS, p.leadTimeDays),
    });
    for (const { product, advice, days } of planned) {
      const cover = assessStockCover({
        stockOnHand: product.stock,
        stockOnOrder: advice.why.stockOnOrder,
        dailyMeans: days.map((d) => d.mean),
        leadTimeDays: product.leadTimeDays,
        reviewPeriodDays: REVIEW_PERIOD_DAYS,
      });
      lowStock.push({
        productId: product.catalogId,
        daysOfCover: cover.daysOfCover,
        isLow: cover.isLow && advice.orderUnits > 0,
        suggestedOrderUnits: advice.orderUnits,
      });
    }
  }

  const expiring: ExpiringItem[] = [];
  if (enabled('expiring')) {
    const found = await expiringItems(deps.db, {
      shop,
      today,
      ...(request.elasticities ? { elasticities: request.elasticities } : {}),
    });
    expiring.push(...found.items);
    for (const product of found.products) products.set(product.catalogId, product);
  }

  const festivals: UpcomingFestival[] = [];
  const festivalLists = new Map<string, PlannedRestock[]>();
  if (enabled('festival-restock')) {
    const sentKeys = new Set(request.sent.map((s) => s.dedupeKey));
    const furthest = Math.max(0, ...request.settings.festivalLeadDays);
    const upcoming = shopFestivals(today, furthest + CLUSTER_DAYS, shop.stateCode);
    for (const festival of upcoming) {
      const daysBefore = daysBetween(today, festival.date);
      if (!request.settings.festivalLeadDays.includes(daysBefore)) continue;
      if (upcoming.some((other) => outweighs(other, festival))) continue;
      if (sentKeys.has(`festival-restock:${festival.id}:${festival.date}:d${daysBefore}`)) continue;
      const items = await festivalRestockList(deps, { shop, today, now: request.now, festival });
      if (items.length === 0) continue;
      festivalLists.set(festival.id, items);
      festivals.push({
        id: festival.id,
        date: festival.date,
        restock: items.map((i) => ({ productId: i.product.catalogId, orderUnits: i.advice.orderUnits })),
      });
    }
  }

  const priceSuggestions: PriceAlertCandidate[] = [];
  if (enabled('price')) {
    const recent = new Set(
      request.sent
        .filter((s) => s.kind === 'price' && daysBetween(s.localDate, today) < PRICE_REPEAT_DAYS)
        .flatMap((s) => s.productIds ?? []),
    );
    for (const product of sold) {
      if (recent.has(product.catalogId)) continue;
      const advice = await priceAdvice(deps.db, {
        shop,
        product,
        today,
        ...(request.elasticities ? { cache: request.elasticities } : {}),
      });
      if (!advice) continue;
      const s = advice.suggestion;
      priceSuggestions.push({
        productId: product.catalogId,
        kind: s.kind,
        currentPricePaise: s.currentPricePaise,
        pricePaise: s.pricePaise,
        profitChangePaise: s.profitChangePaise,
        confidence: s.confidence,
      });
    }
  }
  return { lowStock, expiring, festivals, priceSuggestions, products, festivalLists };
}

function weight(festivalId: string): number {
  return Object.values(festivalById(festivalId)?.uplift ?? {}).reduce((sum, lift) => sum + lift, 0);
}

function outweighs(other: { id: string; date: string }, festival: { id: string; date: string }): boolean {
  return (
    other.id !== festival.id &&
    Math.abs(daysBetween(festival.date, other.date)) <= CLUSTER_DAYS &&
    weight(other.id) > weight(festival.id)
  );
}
