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

/** A schedule as it stands in Redis: enough to tell whether upserting it again would change anything. */
export interface StoredSchedule {
  pattern: string | undefined;
  timeZone: string | undefined;
  data: unknown;
}

/**
 * Every shop schedule already in Redis, by id. Reading them is one small read each; upserting one parses
 * its cron pattern in its time zone and runs a script, which for thousands of shops kept a starting worker
 * busy for tens of seconds while it answered messages.
 */
export async function storedShopSchedules(queues: BullQueues): Promise<Map<string, StoredSchedule>> {
  const stored = new Map<string, StoredSchedule>();
  for (const name of new Set(SHOP_SCHEDULES.map((spec) => spec.queue))) {
    for (const scheduler of await queues.queue(name).getJobSchedulers(0, -1)) {
      stored.set(scheduler.key, {
        pattern: scheduler.pattern,
        timeZone: scheduler.tz,
        data: scheduler.template?.data,
      });
    }
  }
  return stored;
}

/**
 * Upserts the shop's schedules; with `stored`, only those missing from it or different (pattern, time
 * zone or payload), so a restart leaves schedules that are already right alone. Returns how many it upserted.
 */
export async function upsertShopSchedules(
  queues: BullQueues,
  shop: ShopScheduleTarget,
  stored?: ReadonlyMap<string, StoredSchedule>,
): Promise<number> {
  let upserted = 0;
  for (const spec of SHOP_SCHEDULES) {
    const id = scheduleId(spec.kind, shop.shopId);
    const current = stored?.get(id);
    const data = spec.payload(shop.shopId);
    if (
      current?.pattern === spec.pattern &&
      current.timeZone === shop.timeZone &&
      JSON.stringify(current.data) === JSON.stringify(data)
    )
      continue;
    upserted += 1;
    await queues
      .queue(spec.queue)
      .upsertJobScheduler(id, { pattern: spec.pattern, tz: shop.timeZone }, { name: spec.kind, data });
  }
  return upserted;
}

export async function removeShopSchedules(queues: BullQueues, shopId: number): Promise<void> {
  for (const spec of SHOP_SCHEDULES) {
    await queues.queue(spec.queue).removeJobScheduler(scheduleId(spec.kind, shopId));
  }
}
