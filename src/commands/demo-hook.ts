import { seedDemoShop } from '../app/demo/seed-demo-shop.js';
import { localDate } from '../core/language/days.js';
import { logger } from '../log.js';
import type { Services } from '../runtime/services.js';

/** `start --demo`: makes sure the demo shop exists and holds a year of sales up to yesterday. */
export async function seedDemoShopHook(services: Services): Promise<void> {
  const started = Date.now();
  const result = await seedDemoShop(
    { pool: services.pool },
    { today: localDate(new Date(), 'Asia/Kolkata') },
  );
  logger.info(
    {
      shopId: result.shopId,
      created: result.created,
      imported: result.import?.inserted ?? 0,
      refused: result.import?.problems.length ?? 0,
      ms: Date.now() - started,
    },
    'demo shop ready',
  );
}
