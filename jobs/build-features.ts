import type { Job } from 'bullmq';
import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type BuildFeaturesDeps, buildShopFeatures } from '../src/app/forecasting/build-shop-features.js';
import { scheduledAt } from './run-alerts.js';

// 'today' means the shop-local day the job was scheduled for, not the day a late worker got to it, so a
// retry after midnight still builds the same day's features.
export default (deps: BuildFeaturesDeps & { clock?: () => Date }) =>
  async (payload: QueuePayloads['features'], job?: Job) => {
    await buildShopFeatures(deps, payload, scheduledAt(job, deps.clock?.() ?? new Date()));
  };
