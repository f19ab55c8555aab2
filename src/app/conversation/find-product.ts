import { createProductsRepository } from '../../adapters/postgres/repositories/products.js';
import type { ShopProduct } from '../../core/conversation/shop-product.js';
import type { ConversationContext } from './types.js';

/** The one product a stock or price message is about, locked for the change that follows. */
export async function productOfMessage(ctx: ConversationContext): Promise<ShopProduct | undefined> {
  const id = ctx.parsed.product ?? ctx.parsed.items?.find((item) => item.product !== null)?.product;
  if (!id) return undefined;
  const found = await createProductsRepository(ctx.db).byCatalogIds(ctx.shop.id, [id], { lock: true });
  return found.get(id);
}
