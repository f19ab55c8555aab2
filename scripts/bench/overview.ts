import { quantile } from 'simple-statistics';
import { localDate } from '../../src/core/language/days.js';
import { logIn } from '../../test/integration/dashboard/dashboard-session.js';
import { seedShopWithHistory } from '../../test/integration/dashboard/shop-history.js';
import { startTestApp } from '../../test/integration/support/app.js';
import { createTestDatabase } from '../../test/integration/support/services.js';
import { positiveArg } from './positive-arg.js';

// Server time of the dashboard's overview page for a shop with two years of history (730 simulated days
// of the 15 profiled products, loaded through the sales import), on real PostgreSQL and Redis. The page
// is requested in-process through the hono app (no network), so the time is the handler's: session
// lookup, the report sums, the trend, and the HTML. Goal: p95 under 300 ms.
//   npm run bench:overview [-- --requests 300 --days 730]
// Uses TEST_POSTGRES_ADMIN_URL / TEST_REDIS_URL like the integration tests (defaults: local servers).

const REQUESTS = positiveArg('requests', 300);
const DAYS = positiveArg('days', 730);
const GOAL_MS = 300;
const OWNER = '+919800007300';

const db = await createTestDatabase('postgres');
const app = await startTestApp({ databaseUrl: db.url, roles: ['web', 'worker'] });
try {
  const today = localDate(new Date(), 'Asia/Kolkata');
  const seeding = performance.now();
  const shop = await seedShopWithHistory(db.pool, {
    ownerPhone: OWNER,
    name: 'Bench Kirana',
    today,
    days: DAYS,
  });
  const sales = await db.pool.query<{ n: number; first: string }>(
    'SELECT count(*)::int AS n, min(sale_date) AS first FROM sales WHERE shop_id = $1',
    [shop.shopId],
  );
  console.log(
    `shop ${shop.shopId}: ${sales.rows[0]?.n} sales rows from ${sales.rows[0]?.first} to ${today} ` +
      `(seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
  );
  const cookie = await logIn(app, OWNER);
  const request = async () => {
    const started = performance.now();
    const response = await app.app!.request('/dashboard', { headers: { cookie } });
    const body = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200 || !body.includes('data-period="month"'))
      throw new Error(`overview answered ${response.status}`);
    return ms;
  };
  const cold = await request();
  for (let i = 0; i < 20; i++) await request();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await request());
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  console.log(
    `overview, ${REQUESTS} sequential requests after 20 warm-up: ` +
      `first ${cold.toFixed(1)} ms, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `p99 ${quantile(times, 0.99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`goal p95 < ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'}`);
  process.exitCode = p95 < GOAL_MS ? 0 : 1;
} finally {
  await app.stop();
  await db.drop();
}
