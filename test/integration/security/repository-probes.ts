import type { Queryable } from '../../../src/adapters/postgres/pool.js';
import { createAdviceProductsRepository } from '../../../src/adapters/postgres/repositories/advice-products.js';
import { createAlertsRepository } from '../../../src/adapters/postgres/repositories/alerts.js';
import { createChatActivityRepository } from '../../../src/adapters/postgres/repositories/chat-activity.js';
import { createConversationLogRepository } from '../../../src/adapters/postgres/repositories/conversation-log.js';
import { createConversationStateRepository } from '../../../src/adapters/postgres/repositories/conversation-state.js';
import { createDashboardAuthRepository } from '../../../src/adapters/postgres/repositories/dashboard-auth.js';
import { createDashboardDataRepository } from '../../../src/adapters/postgres/repositories/dashboard-data.js';
import { createDashboardQueries } from '../../../src/adapters/postgres/repositories/dashboard-queries.js';
import { createForecastStore } from '../../../src/adapters/postgres/repositories/forecast-store.js';
import { createForecastTrainingRepository } from '../../../src/adapters/postgres/repositories/forecast-training.js';
import { createInboundMessagesRepository } from '../../../src/adapters/postgres/repositories/inbound-messages.js';
import { createLedgerRepository } from '../../../src/adapters/postgres/repositories/ledger.js';
import { createModelRegistry } from '../../../src/adapters/postgres/repositories/model-registry.js';
import { createOutboundMessagesRepository } from '../../../src/adapters/postgres/repositories/outbound-messages.js';
import { createProductBatchesRepository } from '../../../src/adapters/postgres/repositories/product-batches.js';
import { createProductsRepository } from '../../../src/adapters/postgres/repositories/products.js';
import { createReportsRepository } from '../../../src/adapters/postgres/repositories/reports.js';
import { createRestockListsRepository } from '../../../src/adapters/postgres/repositories/restock-lists.js';
import { createSalesImportRepository } from '../../../src/adapters/postgres/repositories/sales-import.js';
import { createShopsRepository } from '../../../src/adapters/postgres/repositories/shops.js';
import { addDays } from '../../../src/core/inventory/index.js';
import type { IsolationShop } from './two-shops.js';

// Every read a repository offers, aimed at one shop's rows (`target`). Run with a Queryable working for
// that shop each must find something (so the probe can fail), and working for another shop nothing.
// Repositories of the cross-shop lookups by design (shop_members by phone, a session by its token) and of
// tables without shop data (WhatsApp auth state, login codes) are not here; SECURITY.md lists them.

export type Probe = [name: string, read: (db: Queryable, target: IsolationShop) => Promise<unknown>];

const EPOCH = new Date(0);
const since = (shop: IsolationShop) => addDays(shop.asOf, -60);
const ids = (shop: IsolationShop) => [...shop.productIds.values(), shop.secretProduct.id];

export const repositoryProbes: Probe[] = [
  ['advice byCatalogIds', (db, s) => createAdviceProductsRepository(db).byCatalogIds(s.shopId, ['maggi'])],
  ['advice byIds', (db, s) => createAdviceProductsRepository(db).byIds(s.shopId, ids(s))],
  ['advice soldSince', (db, s) => createAdviceProductsRepository(db).soldSince(s.shopId, since(s))],
  ['alerts shop', (db, s) => createAlertsRepository(db).shop(s.shopId)],
  ['alerts ownerChat', (db, s) => createAlertsRepository(db).ownerChat(s.shopId, 'simulator', new Date())],
  ['alerts sentSince', (db, s) => createAlertsRepository(db).sentSince(s.shopId, since(s))],
  ['alerts queuedOutboundOn', (db, s) => createAlertsRepository(db).queuedOutboundOn(s.shopId, s.asOf)],
  [
    'chat lastInboundAge',
    (db, s) => createChatActivityRepository(db).lastInboundAgeMs('simulator', s.ownerPhone),
  ],
  [
    'chat recentSendAges',
    (db, s) => createChatActivityRepository(db).recentSendAgesMs('simulator', s.ownerPhone, 5),
  ],
  [
    'chat sentBodyByProviderId',
    (db, s) =>
      createChatActivityRepository(db).sentBodyByProviderId('simulator', `seed-${s.secretProduct.name}`),
  ],
  ['conversation log', (db, s) => createConversationLogRepository(db).forChat('simulator', s.ownerPhone)],
  [
    'conversation state',
    (db, s) => createConversationStateRepository(db).get('simulator', s.ownerPhone, EPOCH),
  ],
  ['dashboard lastChatOf', (db, s) => createDashboardAuthRepository(db).lastChatOf(s.ownerPhone)],
  ['dashboard findImport', (db, s) => createDashboardDataRepository(db).findImport(s.importId)],
  ['dashboard exportRows', (db, s) => createDashboardDataRepository(db).exportRows(s.shopId)],
  ['dashboard dailyTotals', (db, s) => createDashboardQueries(db).dailyTotals(s.shopId, since(s), s.asOf)],
  ['dashboard products', (db, s) => createDashboardQueries(db).products(s.shopId, s.asOf)],
  ['dashboard productShop', (db, s) => createDashboardQueries(db).productShop(s.secretProduct.id)],
  ['dashboard dailyUnits', (db, s) => dailyUnits(db, s)],
  [
    'dashboard forecasts',
    (db, s) => createDashboardQueries(db).forecasts(s.shopId, s.asOf, addDays(s.asOf, 7)),
  ],
  ['dashboard explanation', (db, s) => explanation(db, s)],
  ['dashboard alerts', (db, s) => createDashboardQueries(db).alerts(s.shopId)],
  ['dashboard modelVersions', (db, s) => createDashboardQueries(db).modelVersions(s.shopId)],
  ['dashboard ledgerSales', (db, s) => createDashboardQueries(db).ledgerSales(s.shopId, { limit: 10 })],
  [
    'forecast stored',
    (db, s) => createForecastStore(db).stored(s.shopId, ids(s), s.asOf, addDays(s.asOf, 7)),
  ],
  ['forecast dailySales', (db, s) => createForecastStore(db).dailySales(s.shopId, ids(s), since(s), s.asOf)],
  ['forecast anySalesOn', (db, s) => createForecastStore(db).anySalesOn(s.shopId, addDays(s.asOf, -1))],
  ['training shop', (db, s) => createForecastTrainingRepository(db).shop(s.shopId)],
  ['training products', (db, s) => createForecastTrainingRepository(db).products(s.shopId)],
  [
    'training dailySales',
    (db, s) => createForecastTrainingRepository(db).dailySales(s.shopId, since(s), s.asOf),
  ],
  ['training stockDays', (db, s) => createForecastTrainingRepository(db).stockDays(s.shopId)],
  ['training set', (db, s) => createForecastTrainingRepository(db).trainingSet(s.shopId, s.asOf)],
  ['inbound lock', (db, s) => createInboundMessagesRepository(db).lockForProcessing(s.inboundId)],
  ['ledger lockLastOpenEntry', (db, s) => createLedgerRepository(db).lockLastOpenEntry(s.shopId)],
  ['ledger movementsOf', (db, s) => createLedgerRepository(db).movementsOf(s.entryId)],
  ['ledger linesOf', (db, s) => createLedgerRepository(db).linesOf(s.entryId, 'purchases')],
  ['ledger priceChangesOf', (db, s) => createLedgerRepository(db).priceChangesOf(s.entryId)],
  ['models latest', (db, s) => createModelRegistry(db).latest(s.shopId, 'per-series')],
  ['outbound find', (db, s) => createOutboundMessagesRepository(db).find(s.outboundId)],
  ['products matcherSource', (db, s) => createProductsRepository(db).matcherSource(s.shopId)],
  ['products matcherFingerprint', (db, s) => createProductsRepository(db).matcherFingerprint(s.shopId)],
  [
    'products byCatalogIds',
    (db, s) => createProductsRepository(db).byCatalogIds(s.shopId, ['maggi'], { lock: false }),
  ],
  ['products findByIds', (db, s) => createProductsRepository(db).findByIds(s.shopId, ids(s))],
  [
    'batches expiringBetween',
    (db, s) =>
      createProductBatchesRepository(db).productsExpiringBetween(s.shopId, s.asOf, addDays(s.asOf, 9)),
  ],
  [
    'batches firstToExpire',
    (db, s) => createProductBatchesRepository(db).firstToExpire(s.shopId, ids(s), s.asOf),
  ],
  ['reports totals', (db, s) => reportTotals(db, s)],
  ['restock lockLatestUnsent', (db, s) => createRestockListsRepository(db).lockLatestUnsent(s.shopId, EPOCH)],
  ['restock onOrder', (db, s) => onOrder(db, s)],
  ['import shopTimeZone', (db, s) => createSalesImportRepository(db).shopTimeZone(s.shopId)],
  ['import catalog', (db, s) => createSalesImportRepository(db).catalog(s.shopId)],
  ['import lastSaleDate', (db, s) => createSalesImportRepository(db).lastSaleDate(s.shopId)],
  ['shops find', (db, s) => createShopsRepository(db).find(s.shopId)],
];

function dailyUnits(db: Queryable, s: IsolationShop) {
  const sold = s.productIds.get('maggi') ?? 0;
  return createDashboardQueries(db).dailyUnits(sold, since(s), s.asOf);
}

async function explanation(db: Queryable, s: IsolationShop) {
  const withOne = await db.query<{ id: number }>(
    'SELECT product_id AS id FROM forecast_explanations WHERE shop_id = $1 LIMIT 1',
    [s.shopId],
  );
  const productId = withOne.rows[0]?.id ?? s.secretProduct.id;
  return createDashboardQueries(db).explanation(s.shopId, productId);
}

function reportTotals(db: Queryable, s: IsolationShop) {
  return createReportsRepository(db).totals(
    s.shopId,
    { from: since(s), to: s.asOf },
    { from: addDays(since(s), -60), to: addDays(since(s), -1) },
  );
}

async function onOrder(db: Queryable, s: IsolationShop) {
  await db.query(`UPDATE restock_lists SET sent_at = now() WHERE shop_id = $1`, [s.shopId]);
  return createRestockListsRepository(db).onOrder(s.shopId, EPOCH);
}

/** Nothing came back: no row, no count, no total (recursively through objects, arrays and maps). */
export function isNothing(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (value instanceof Date) return false;
  if (typeof value === 'object') return Object.values(value).every(isNothing);
  return false;
}
