import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import trainModelsJob from '../../../jobs/train-models.js';
import { buildShopFeatures } from '../../../src/app/forecasting/build-shop-features.js';
import { SHOP_MODEL_KIND } from '../../../src/app/forecasting/forecast-recipe.js';
import { requestForecastAfterImport } from '../../../src/app/forecasting/request-forecast-run.js';
import { addDays } from '../../../src/core/inventory/local-date.js';
import { localDate } from '../../../src/core/language/days.js';
import { startTestApp, waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { simulatedShop } from './shop-history.js';

// The nightly pipeline end to end: a simulated shop's ledger -> features job -> training job through the
// real queues of a worker -> forecasts, explanations and a registered model version in PostgreSQL.

const AS_OF = '2026-10-01';
const SNACKS = ['maggi', 'kurkure', 'lays', 'biscuits'];

let db: TestDatabase;
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  db = await createTestDatabase('postgres');
  app = await startTestApp({ databaseUrl: db.url, roles: ['worker'] });
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

async function versionsOf(shopId: number) {
  const result = await db.pool.query<{ id: number; version: string; backtest: Record<string, unknown> }>(
    'SELECT id, version, backtest FROM model_versions WHERE shop_id = $1 AND model_kind = $2 ORDER BY id',
    [shopId, SHOP_MODEL_KIND],
  );
  return result.rows;
}

async function forecastRows(shopId: number) {
  const result = await db.pool.query<{
    product_id: number;
    target_date: string;
    mean: number;
    p10: number;
    p50: number;
    p90: number;
    created_at: Date;
    model_version_id: number;
  }>(
    `SELECT product_id, target_date, mean, p10, p50, p90, created_at, model_version_id FROM forecasts
     WHERE shop_id = $1 ORDER BY product_id, target_date`,
    [shopId],
  );
  return result.rows;
}

describe('nightly forecast pipeline', () => {
  it('forecasts every product 56 days ahead, registers the version, and a second run changes nothing', async () => {
    const shop = await simulatedShop(db.pool, { phone: '+919800000061', asOf: AS_OF, days: 400, seed: 6 });
    await app.services.queues.publish('features', { shopId: shop.shopId, asOf: AS_OF, reason: 'manual' });
    const [version] = await waitFor(
      async () => {
        const rows = await versionsOf(shop.shopId);
        return rows.length > 0 ? rows : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 500, what: 'a trained model version' },
    );

    const rows = await forecastRows(shop.shopId);
    expect(rows).toHaveLength(shop.products.size * 56);
    for (const productId of shop.products.values()) {
      const days = rows.filter((row) => row.product_id === productId).map((row) => row.target_date);
      expect(days[0]).toBe(AS_OF);
      expect(days.at(-1)).toBe(addDays(AS_OF, 55));
    }
    for (const row of rows) {
      expect(row.p10).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p90);
      expect(row.mean).toBeGreaterThanOrEqual(0);
      expect(row.model_version_id).toBe(version!.id);
    }
    expect(typeof version!.backtest.wRMSSE).toBe('number');
    expect(typeof version!.backtest.coverage).toBe('number');
    expect((version!.backtest.scores as unknown[]).length).toBeGreaterThan(3);
    const explanations = await db.pool.query<{ explanation: Record<string, unknown> }>(
      'SELECT explanation FROM forecast_explanations WHERE shop_id = $1',
      [shop.shopId],
    );
    expect(explanations.rows).toHaveLength(shop.products.size);
    for (const { explanation } of explanations.rows) {
      expect(['high', 'medium', 'low']).toContain(explanation.confidence);
      expect(typeof explanation.recentLevel).toBe('number');
      expect(Array.isArray(explanation.weekdayEffect)).toBe(true);
    }

    // Diwali (2026-11-08) week against a week with no festival for snacks (Navratri lifts no snacks).
    const weekMean = (productId: number, from: string) =>
      rows
        .filter(
          (r) => r.product_id === productId && r.target_date >= from && r.target_date <= addDays(from, 6),
        )
        .reduce((sum, r) => sum + r.mean, 0);
    for (const id of SNACKS) {
      const productId = shop.products.get(id)!;
      expect(weekMean(productId, '2026-11-02')).toBeGreaterThan(1.2 * weekMean(productId, '2026-10-08'));
    }
    const maggi = await db.pool.query<{
      explanation: { festivalUpliftPct: Array<{ event: string; upliftPct: number }> };
    }>('SELECT explanation FROM forecast_explanations WHERE shop_id = $1 AND product_id = $2', [
      shop.shopId,
      shop.products.get('maggi'),
    ]);
    const diwali = maggi.rows[0]?.explanation.festivalUpliftPct.find((u) => u.event === 'diwali');
    expect(diwali?.upliftPct).toBeGreaterThan(20);

    const metrics = await app.services.metrics.registry.metrics();
    expect(metrics).toContain('billmitra_forecast_products_total{reason="manual"} 15');
    expect(metrics).toMatch(/billmitra_forecast_training_seconds_count\{reason="manual"\} 1/);

    // At-least-once: the features and training jobs again, over the same data, change nothing.
    const again = await buildShopFeatures(
      { pool: db.pool, queue: app.services.queues },
      { shopId: shop.shopId, asOf: AS_OF, reason: 'manual' },
      new Date(),
    );
    expect(again.changed).toBe(false);
    await trainModelsJob({ pool: db.pool })({ shopId: shop.shopId, asOf: AS_OF, reason: 'manual' });
    await app.services.queues.publish('features', { shopId: shop.shopId, asOf: AS_OF, reason: 'nightly' });
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    expect(await versionsOf(shop.shopId)).toEqual([version]);
    expect(await forecastRows(shop.shopId)).toEqual(rows);
  }, 300_000);

  it('forecasts a new shop with a few weeks of sales after its import, pooled with an older shop, and says how sure it is', async () => {
    const today = localDate(new Date(), 'Asia/Kolkata');
    // An established shop nearby: its year of history (with last Diwali) is what the new shop borrows.
    await simulatedShop(db.pool, { phone: '+919800000063', asOf: today, days: 400, seed: 12 });
    const shop = await simulatedShop(db.pool, {
      phone: '+919800000062',
      asOf: today,
      days: 21,
      seed: 9,
      only: ['milk', 'maggi', 'rice', 'soap'],
    });
    expect(await requestForecastAfterImport(app.services.queues, shop)).toBe(true);
    await waitFor(async () => (await versionsOf(shop.shopId)).length > 0, {
      timeoutMs: 200_000,
      intervalMs: 500,
      what: 'a new shop’s forecasts',
    });
    const versions = await versionsOf(shop.shopId);
    expect(versions).toHaveLength(1);
    const params = await db.pool.query<{ params: { donors: number } }>(
      'SELECT params FROM model_versions WHERE id = $1',
      [versions[0]!.id],
    );
    expect(params.rows[0]?.params.donors).toBeGreaterThan(0);
    const rows = await forecastRows(shop.shopId);
    expect(rows).toHaveLength(shop.products.size * 56);
    expect(rows[0]?.target_date).toBe(today);
    const recent = await db.pool.query<{ product_id: number; daily: number }>(
      `SELECT product_id, sum(quantity)::float8 / 21 AS daily FROM sales WHERE shop_id = $1 GROUP BY product_id`,
      [shop.shopId],
    );
    for (const { product_id, daily } of recent.rows) {
      const days = rows.filter((r) => r.product_id === product_id);
      const mean = days.reduce((sum, r) => sum + r.mean, 0) / days.length;
      // Sensible: near the product's recent pace, not zero and not a runaway.
      expect(mean).toBeGreaterThan(0.4 * daily);
      expect(mean).toBeLessThan(2.5 * daily);
    }
    const explanations = await db.pool.query<{ explanation: { confidence: string; historyDays: number } }>(
      'SELECT explanation FROM forecast_explanations WHERE shop_id = $1',
      [shop.shopId],
    );
    for (const { explanation } of explanations.rows) {
      expect(explanation.confidence).toBe('low');
      expect(explanation.historyDays).toBeLessThanOrEqual(21);
    }
  }, 280_000);
});
