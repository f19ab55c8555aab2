import { addDays, daysBetween, weekdayOf } from '../inventory/local-date.js';
import { isInSlot, isWithin } from './alert-clock.js';
import type {
  AlertDescriptor,
  AlertKind,
  AlertSettings,
  ExpiringItem,
  LowStockItem,
  PriceAlertCandidate,
  SentAlert,
  UpcomingFestival,
} from './types.js';
import { defaultAlertSettings } from './types.js';
import { needsTemplate } from './whatsapp-window.js';

// Which proactive messages a shop should get at one shop-local moment. A scheduler may call this as often as
// it likes (every 15 minutes, after a restart, twice from two workers): every alert belongs to a time slot,
// and what was already sent today (or, for festivals, ever) is left out, so the answer is empty once done.

export interface ShopAlertInput {
  localDate: string;
  localTime: string;
  nowUtcMs: number;
  lastInboundAtUtcMs: number | null;
  settings?: Partial<AlertSettings>;
  lowStock: readonly LowStockItem[];
  /** Stock that expires within the alert horizon and will not sell in time (see src/core/inventory/expiry). */
  expiring?: readonly ExpiringItem[];
  /** Festivals that matter in the shop's state, with their restock lists. */
  festivals: readonly UpcomingFestival[];
  priceSuggestions: readonly PriceAlertCandidate[];
  salesLoggedToday: boolean;
  sent: readonly SentAlert[];
}

const SUNDAY = 0;

export function decideAlerts(input: ShopAlertInput): AlertDescriptor[] {
  const settings: AlertSettings = { ...defaultAlertSettings, ...input.settings };
  if (!settings.alertsOn) return [];
  const { localDate: today, localTime: time } = input;
  if (isWithin(time, settings.quietHours.start, settings.quietHours.end)) return [];

  const template = needsTemplate(input.nowUtcMs, input.lastInboundAtUtcMs);
  const enabled = (kind: AlertKind) => !settings.kindsOff.includes(kind);
  const sentKeys = new Set(input.sent.map((s) => s.dedupeKey));
  const alertedToday = (kind: AlertKind, productId: string) =>
    input.sent.some(
      (s) => s.kind === kind && s.localDate === today && (s.productIds ?? []).includes(productId),
    );
  const out: AlertDescriptor[] = [];
  const push = (alert: Omit<AlertDescriptor, 'needsTemplate'>) => {
    if (!sentKeys.has(alert.dedupeKey)) out.push({ ...alert, needsTemplate: template });
  };

  const morning = isInSlot(time, settings.morningAt, settings.slotHours);
  if (morning && enabled('festival-restock')) {
    for (const festival of input.festivals) {
      const daysBefore = daysBetween(today, festival.date);
      if (!settings.festivalLeadDays.includes(daysBefore)) continue;
      const items = festival.restock?.filter((item) => item.orderUnits > 0) ?? [];
      push({
        kind: 'festival-restock',
        festivalId: festival.id,
        productIds: items.map((item) => item.productId),
        dedupeKey: `festival-restock:${festival.id}:${festival.date}:d${daysBefore}`,
        params: { festivalId: festival.id, festivalDate: festival.date, daysBefore, items },
      });
    }
  }

  if (morning && enabled('low-stock')) {
    const items = input.lowStock.filter((item) => item.isLow && !alertedToday('low-stock', item.productId));
    if (items.length > 0) {
      const productIds = items.map((item) => item.productId).sort();
      push({
        kind: 'low-stock',
        productIds,
        dedupeKey: `low-stock:${today}:${productIds.join(',')}`,
        params: { items },
      });
    }
  }

  if (morning && enabled('expiring')) {
    const items = (input.expiring ?? []).filter((item) => !alertedToday('expiring', item.productId));
    if (items.length > 0) {
      const productIds = items.map((item) => item.productId).sort();
      push({
        kind: 'expiring',
        productIds,
        dedupeKey: `expiring:${today}:${productIds.join(',')}`,
        params: { items },
      });
    }
  }

  if (morning && enabled('price')) {
    const items = input.priceSuggestions.filter(
      (s) => worthAPriceAlert(s, settings) && !alertedToday('price', s.productId),
    );
    if (items.length > 0) {
      const productIds = items.map((item) => item.productId).sort();
      push({
        kind: 'price',
        productIds,
        dedupeKey: `price:${today}:${productIds.join(',')}`,
        params: { items },
      });
    }
  }

  if (
    enabled('no-sales-today') &&
    !input.salesLoggedToday &&
    isInSlot(time, settings.eveningAt, settings.slotHours)
  ) {
    push({ kind: 'no-sales-today', dedupeKey: `no-sales-today:${today}`, params: { date: today } });
  }

  if (
    enabled('weekly-summary') &&
    weekdayOf(today) === SUNDAY &&
    isInSlot(time, settings.weeklyAt, settings.slotHours)
  ) {
    push({
      kind: 'weekly-summary',
      dedupeKey: `weekly-summary:${today}`,
      params: { weekStart: addDays(today, -6), weekEnd: today },
    });
  }
  return out;
}

// Clearance is about stock that will otherwise be lost, so it goes out even when the demand estimate is
// unsure; ordinary moves need a confident estimate and a gain worth a message.
function worthAPriceAlert(s: PriceAlertCandidate, settings: AlertSettings): boolean {
  if (s.pricePaise === s.currentPricePaise || s.kind === 'keep') return false;
  if (s.kind === 'clearance') return true;
  return s.confidence !== 'low' && s.profitChangePaise >= settings.minPriceGainPaisePerDay;
}
