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
    const at = scheduledAt(job, deps.clock?.() ?? new Date());
    const result = await runShopAlerts(withCache, { shopId: payload.shopId, at, kind: payload.kind });
    if (result.deferUntil) {
      await deps.queue.publish(
        'alerts',
        { shopId: payload.shopId, kind: 'morning-after-quiet' },
        {
          jobId: `alerts-after-quiet-${payload.shopId}-${result.deferUntil.getTime()}`,
          delayMs: Math.max(1, result.deferUntil.getTime() - (deps.clock?.() ?? new Date()).getTime()),
        },
      );
    }
  };
};
