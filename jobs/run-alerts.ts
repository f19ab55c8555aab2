import type { Job } from 'bullmq';
import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type RunAlertsDeps, runShopAlerts } from '../src/app/alerts/run-shop-alerts.js';

// The alerts job decides at the moment it was scheduled for, not when a worker got to it: a retry or a
// late worker then sees the same slot and the same dedupe keys, so it sends what is missing and no more.
export function scheduledAt(job: Pick<Job, 'timestamp' | 'opts'> | undefined, now: Date): Date {
  if (!job?.timestamp) return now;
  return new Date(job.timestamp + (job.opts?.delay ?? 0));
}

export default (deps: RunAlertsDeps & { clock?: () => Date }) => {
  const withCache: RunAlertsDeps = { ...deps, elasticities: deps.elasticities ?? new Map() };
  return async (payload: QueuePayloads['alerts'], job?: Job) => {
    await runShopAlerts(withCache, {
      shopId: payload.shopId,
      at: scheduledAt(job, deps.clock?.() ?? new Date()),
    });
  };
};
