import type { Queryable } from '../../adapters/postgres/pool.js';
import type { BullQueues } from '../../adapters/queue/bullmq-queues.js';
import { upsertShopSchedules } from '../../adapters/queue/shop-schedules.js';

// Every shop needs its job schedulers (morning and evening alerts, weekly summary, nightly forecast),
// however it came to exist: onboarding in chat, the demo seed or an import. A worker upserts them for all
// shops when it starts and then for shops created since, on each sweep; upserts are idempotent, so
// several workers doing this at once still leave one schedule per shop and kind.

export interface ScheduleKeeper {
  /** Upserts schedules for shops not seen yet; returns how many shops it covered. */
  sync(): Promise<number>;
}

export function createScheduleKeeper(deps: { db: Queryable; queues: BullQueues }): ScheduleKeeper {
  let lastShopId = 0;
  let running: Promise<number> | undefined;
  const syncOnce = async () => {
    const result = await deps.db.query<{ id: number; timeZone: string }>(
      `SELECT id, time_zone AS "timeZone" FROM shops WHERE id > $1 ORDER BY id LIMIT 1000`,
      [lastShopId],
    );
    for (const shop of result.rows) {
      await upsertShopSchedules(deps.queues, { shopId: shop.id, timeZone: shop.timeZone });
      lastShopId = shop.id;
    }
    return result.rows.length;
  };
  return {
    sync() {
      // One sync at a time per process: a slow Redis must not pile up overlapping sweeps.
      running ??= syncOnce().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
