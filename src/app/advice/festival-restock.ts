import { createAdviceProductsRepository } from '../../adapters/postgres/repositories/advice-products.js';
import { addDays } from '../../core/inventory/local-date.js';
import { buyingWindow, calendarLift } from './festival-windows.js';
import { type AdviceDeps, type PlannedRestock, planRestock } from './restock-plan.js';

// The festival restock list: the items this shop sells that the festival lifts, with what to order so the
// buying window is covered. Items whose expected sales barely move are left out: the list is for the spike.

/** Window sales over the recent daily average below this are no spike worth a line. */
const MIN_SPIKE = 1.2;
/** A WhatsApp message stays readable on one screen. */
const MAX_ITEMS = 12;

export interface FestivalRestockRequest {
  shop: { id: number; stateCode: string | null };
  today: string;
  now: Date;
  festival: { id: string; date: string };
}

export async function festivalRestockList(
  deps: AdviceDeps,
  request: FestivalRestockRequest,
): Promise<PlannedRestock[]> {
  const sold = await createAdviceProductsRepository(deps.db).soldSince(
    request.shop.id,
    addDays(request.today, -28),
  );
  const lifted = sold.filter((product) => calendarLift(request.festival.id, product.category) > 1);
  const window = buyingWindow(request.festival.id, request.festival.date);
  const planned = await planRestock(deps, {
    shop: request.shop,
    today: request.today,
    now: request.now,
    products: lifted,
    window: () => window,
    festivalId: request.festival.id,
  });
  return planned
    .filter((p) => p.advice.orderUnits > 0 && (p.advice.why.upliftFactor ?? MIN_SPIKE) >= MIN_SPIKE)
    .sort((a, b) => b.advice.orderUnits * b.product.pricePaise - a.advice.orderUnits * a.product.pricePaise)
    .slice(0, MAX_ITEMS);
}
