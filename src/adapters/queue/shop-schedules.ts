import type { BullQueues } from './bullmq-queues.js';
import type { QueueName, QueuePayloads } from './payloads.js';

// Per-shop recurring work, in the shop's time zone. BullMQ job schedulers are upserted by id, so every
// process may call this at start-up (or on each shop's creation) and there is still exactly one schedule
// per shop and kind.

export interface ShopScheduleTarget {
  shopId: number;
  timeZone: string;
}

interface ScheduleSpec<N extends QueueName> {
  kind: string;
  queue: N;
  /** cron: minute hour day-of-month month day-of-week */
  pattern: string;
  payload: (shopId: number) => QueuePayloads[N];
}

type AnySpec = { [N in QueueName]: ScheduleSpec<N> }[QueueName];

export const SHOP_SCHEDULES: readonly AnySpec[] = [
  // Nightly: features, then training and forecasts (the features job chains the training job).
  {
    kind: 'nightly-forecast',
    queue: 'features',
    pattern: '30 2 * * *',
    payload: (shopId) => ({ shopId, asOf: 'today', reason: 'nightly' }),
  },
  {
    kind: 'morning-alerts',
    queue: 'alerts',
    pattern: '0 8 * * *',
    payload: (shopId) => ({ shopId, kind: 'morning' }),
  },
  {
    kind: 'evening-alerts',
    queue: 'alerts',
    pattern: '0 20 * * *',
    payload: (shopId) => ({ shopId, kind: 'evening' }),
  },
  {
    kind: 'weekly-summary',
    queue: 'alerts',
    pattern: '0 19 * * 0',
    payload: (shopId) => ({ shopId, kind: 'weekly' }),
  },
];

export function scheduleId(kind: string, shopId: number): string {
  return `${kind}-shop-${shopId}`;
}

export async function upsertShopSchedules(queues: BullQueues, shop: ShopScheduleTarget): Promise<void> {
  for (const spec of SHOP_SCHEDULES) {
    await queues
      .queue(spec.queue)
      .upsertJobScheduler(
        scheduleId(spec.kind, shop.shopId),
        { pattern: spec.pattern, tz: shop.timeZone },
        { name: spec.kind, data: spec.payload(shop.shopId) },
      );
  }
}

export async function removeShopSchedules(queues: BullQueues, shopId: number): Promise<void> {
  for (const spec of SHOP_SCHEDULES) {
    await queues.queue(spec.queue).removeJobScheduler(scheduleId(spec.kind, shopId));
  }
}
