import { logger } from '../log.js';
import type { Services } from '../runtime/services.js';

/** Creates the demo shop; replaced by the conversation module once shops and imports exist. */
export async function seedDemoShopHook(_services: Services): Promise<void> {
  logger.warn('the demo shop needs the conversation module; starting without it');
}
