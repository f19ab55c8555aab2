import type { Translator } from '../../adapters/i18n/translator.js';
import type { Pool } from '../../adapters/postgres/pool.js';
import { createAlertsRepository } from '../../adapters/postgres/repositories/alerts.js';
import { createForecastStore } from '../../adapters/postgres/repositories/forecast-store.js';
import { createOutboundMessagesRepository } from '../../adapters/postgres/repositories/outbound-messages.js';
import { createRestockListsRepository } from '../../adapters/postgres/repositories/restock-lists.js';
import { shopQueryable, withShopTransaction } from '../../adapters/postgres/tenant-scope.js';
import type { JobPublisher } from '../../adapters/queue/payloads.js';
import { isInSlot, isWithin, minutesOf } from '../../core/alerts/alert-clock.js';
import { decideAlerts } from '../../core/alerts/decide-alerts.js';
import { type AlertSettings, defaultAlertSettings } from '../../core/alerts/types.js';
import { addDays } from '../../core/inventory/local-date.js';
import { templateParameter } from '../../core/messaging/service-window.js';
import { memoizedForecasts } from '../advice/forecast-memo.js';
import { createForecastProvider, type ForecastProvider } from '../advice/forecast-provider.js';
import type { ElasticityCache } from '../advice/price-suggestion.js';
import { renderReply } from '../conversation/render.js';
import { outboundJobId } from '../handle-inbound.js';
import { type MorningInputs, morningInputs } from './alert-inputs.js';
import { alertMessage } from './alert-messages.js';
import { shopMoment } from './shop-clock.js';

// One shop's proactive alerts at one moment. Each alert is recorded in alerts_sent (unique per shop and
// dedupe key) together with its outbound message in one transaction, and only then published: a retried
// or repeated job finds the key taken and sends nothing twice, and one that died before publishing has
// its queued messages published by the next run (or the recovery sweep).

export interface RunAlertsDeps {
  pool: Pool;
  queue: JobPublisher;
  translator: Translator;
  /** Channel used when the owner has never written to us (a seeded or imported shop). */
  channelName: string;
  /** Approved template for alerts outside WhatsApp's 24-hour window. */
  templateName?: string;
  forecasts?: ForecastProvider;
  /** Price response estimates kept between runs of this process (see price-suggestion.ts). */
  elasticities?: ElasticityCache;
}

// The schedulers (src/adapters/queue/shop-schedules.ts) fire at these shop-local times.
const SLOTS: Pick<AlertSettings, 'morningAt' | 'eveningAt' | 'weeklyAt'> = {
  morningAt: '08:00',
  eveningAt: '20:00',
  weeklyAt: '19:00',
};

export interface AlertRunResult {
  sent: string[];
  /** The morning run fell in quiet hours that end within the morning slot: run again then. */
  deferUntil?: Date;
}

export async function runShopAlerts(
  deps: RunAlertsDeps,
  input: { shopId: number; at: Date; kind?: string },
): Promise<AlertRunResult> {
  // Everything below reads and writes this one shop's rows only (row-level security).
  const db = shopQueryable(deps.pool, input.shopId);
  const repo = createAlertsRepository(db);
  const shop = await repo.shop(input.shopId);
  if (!shop) return { sent: [] };
  const { date: today, time } = shopMoment(input.at, shop.timeZone);
  const settings: AlertSettings = {
    ...defaultAlertSettings,
    ...SLOTS,
    alertsOn: shop.alertsEnabled,
    quietHours: { start: shop.quietStart, end: shop.quietEnd },
  };
  await publish(deps, await repo.queuedOutboundOn(shop.id, today));
  // Nothing to work out when nothing may be sent.
  if (!settings.alertsOn) return { sent: [] };
  if (isWithin(time, settings.quietHours.start, settings.quietHours.end)) {
    // A shop that sleeps past the 08:00 schedule still gets its morning alerts when its quiet hours end.
    const wait = minutesOf(settings.quietHours.end) - minutesOf(time);
    const endsInSlot = isInSlot(settings.quietHours.end, settings.morningAt, settings.slotHours);
    return input.kind === 'morning' && wait > 0 && endsInSlot
      ? { sent: [], deferUntil: new Date(input.at.getTime() + wait * 60_000) }
      : { sent: [] };
  }

  const owner = await repo.ownerChat(shop.id, deps.channelName, input.at);
  if (!owner) return { sent: [] };
  const sent = await repo.sentSince(shop.id, addDays(today, -30));
  const forecasts = memoizedForecasts(deps.forecasts ?? createForecastProvider({ db }));
  const inputs: MorningInputs | null = isInSlot(time, settings.morningAt, settings.slotHours)
    ? await morningInputs({ db, forecasts }, { shop, today, now: input.at, settings, sent })
    : null;
  const alerts = decideAlerts({
    localDate: today,
    localTime: time,
    nowUtcMs: input.at.getTime(),
    lastInboundAtUtcMs: owner.lastInboundAt?.getTime() ?? null,
    settings,
    lowStock: inputs?.lowStock ?? [],
    expiring: inputs?.expiring ?? [],
    festivals: inputs?.festivals ?? [],
    priceSuggestions: inputs?.priceSuggestions ?? [],
    salesLoggedToday: await createForecastStore(db).anySalesOn(shop.id, today),
    sent,
  });

  const outboundIds: number[] = [];
  const sentKeys: string[] = [];
  for (const alert of alerts) {
    const text = await alertMessage(db, alert, {
      shopId: shop.id,
      lang: shop.language,
      today,
      inputs,
    });
    if (!text) continue;
    const body = renderReply(deps.translator, shop.language, text);
    const id = await withShopTransaction(deps.pool, shop.id, async (client) => {
      const alertId = await createAlertsRepository(client).record({
        shopId: shop.id,
        kind: alert.kind,
        dedupeKey: alert.dedupeKey,
        localDate: today,
        productKeys: alert.productIds ?? [],
        ...(alert.festivalId ? { festivalId: alert.festivalId } : {}),
      });
      if (alertId === undefined) return undefined;
      const outboundId = await createOutboundMessagesRepository(client).enqueue({
        channel: owner.channel,
        chatId: owner.chatId,
        shopId: shop.id,
        kind: 'notice',
        body,
        template: alert.needsTemplate
          ? {
              name: deps.templateName ?? 'billmitra_alert',
              language: shop.language === 'en' ? 'en' : 'hi',
              parameters: [templateParameter(body)],
            }
          : undefined,
        dedupeKey: `alert-${shop.id}-${alert.dedupeKey}`,
      });
      await createAlertsRepository(client).linkOutbound(alertId, outboundId);
      if (alert.kind === 'festival-restock') {
        const items = inputs?.festivalLists.get(alert.festivalId ?? '') ?? [];
        await createRestockListsRepository(client).save(shop.id, {
          source: 'alert',
          festivalId: alert.festivalId ?? null,
          items: items.map((i) => ({ productId: i.product.id, units: i.advice.orderUnits })),
          at: input.at,
        });
      }
      return outboundId;
    });
    if (id === undefined) continue;
    outboundIds.push(id);
    sentKeys.push(alert.dedupeKey);
  }
  await publish(deps, outboundIds);
  return { sent: sentKeys };
}

async function publish(deps: RunAlertsDeps, ids: readonly number[]): Promise<void> {
  for (const id of ids)
    await deps.queue.publish('outbound', { outboundMessageId: id }, { jobId: outboundJobId(id) });
}
