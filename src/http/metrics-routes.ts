import { Hono } from 'hono';
import type { Metrics } from '../adapters/metrics/registry.js';

export function createMetricsRoutes(options: { metrics: Metrics; beforeScrape?: () => Promise<void> }) {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    // Queue depths come from Redis; a scrape while Redis is down still returns the process metrics.
    await options.beforeScrape?.().catch(() => {});
    c.header('Content-Type', options.metrics.registry.contentType);
    return c.body(await options.metrics.registry.metrics());
  });
  return app;
}
