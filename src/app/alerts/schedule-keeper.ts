import type { Queryable } from '../../adapters/postgres/pool.js';
import type { BullQueues } from '../../adapters/queue/bullmq-queues.js';
import { storedShopSchedules, upsertShopSchedules } from '../../adapters/queue/shop-schedules.js';

// Every shop needs its job schedulers (morning and evening alerts, weekly summary, nightly forecast),
// however it came to exist: onboarding in chat, the demo seed or an import. A worker sees to them for all
// shops when it starts (upserting only those missing or out of date, so a restart costs reads, not
// thousands of upserts) and then for shops created since, on each sweep; upserts are idempotent, so
// several workers doing this at once still leave one schedule per shop and kind.

export interface ScheduleKeeper {
  /** Sees to the schedules of shops not seen yet: how many shops it covered and schedules it upserted. */
  sync(): Promise<{ shops: number; upserted: number }>;
}

export function createScheduleKeeper(deps: { db: Queryable; queues: BullQueues }): ScheduleKeeper {
  let lastShopId = 0;
  let running: Promise<{ shops: number; upserted: number }> | undefined;
  const syncOnce = async () => {
    const result = await deps.db.query<{ id: number; timeZone: string }>(
      `SELECT id, time_zone AS "timeZone" FROM shops WHERE id > $1 ORDER BY id LIMIT 1000`,
      [lastShopId],
    );
    // The first sweep covers every shop, most of whose schedules exist after a restart; later ones cover
    // shops created since, whose schedules are new.
    const stored =
      lastShopId === 0 && result.rows.length > 0 ? await storedShopSchedules(deps.queues) : undefined;
    let upserted = 0;
    for (const shop of result.rows) {
      upserted += await upsertShopSchedules(
        deps.queues,
        { shopId: shop.id, timeZone: shop.timeZone },
        stored,
      );
      lastShopId = shop.id;
    }
    return { shops: result.rows.length, upserted };
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
