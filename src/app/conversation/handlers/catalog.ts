import { createProductsRepository } from '../../../adapters/postgres/repositories/products.js';
import { createShopsRepository } from '../../../adapters/postgres/repositories/shops.js';
import { cleanProductName, customCatalogId } from '../../../core/conversation/new-product.js';
import { productName, type ShopProduct } from '../../../core/conversation/shop-product.js';
import { formatRupees, rupeesToPaise } from '../../../core/money.js';
import type { ConversationContext, IntentHandler } from '../types.js';

// The shop's own catalog in chat: "naya product Magic Masala 10 rs" and "magic matlab maggi".

/** Creates (or reactivates) a shop product and moves the catalog version so matchers pick it up. */
export async function createCustomProduct(
  ctx: ConversationContext,
  name: string,
  priceRupees: number,
): Promise<ShopProduct> {
  const clean = cleanProductName(name);
  const product = await createProductsRepository(ctx.db).insertCustom(ctx.shop.id, {
    catalogId: customCatalogId(clean),
    name: clean,
    unit: 'packet',
    pricePaise: rupeesToPaise(priceRupees),
  });
  await createShopsRepository(ctx.db).bumpCatalogVersion(ctx.shop.id);
  return product;
}

export const addProduct: IntentHandler = async (ctx) => {
  const name = ctx.parsed.name ? cleanProductName(ctx.parsed.name) : '';
  if (name === '') return { replies: [{ key: 'catalog:how_to_add' }] };
  if (ctx.parsed.price === undefined || ctx.parsed.price <= 0)
    return {
      replies: [{ key: 'catalog:ask_price', params: { name } }],
      pending: { kind: 'new_product_price', name },
    };
  const product = await createCustomProduct(ctx, name, ctx.parsed.price);
  return {
    replies: [
      { key: 'catalog:added', params: { name: product.names.en, price: formatRupees(product.pricePaise) } },
    ],
  };
};

export const addAlias: IntentHandler = async (ctx) => {
  const alias = ctx.parsed.alias?.trim();
  const id = ctx.parsed.product;
  if (!alias || !id) return { replies: [{ key: 'catalog:how_to_alias' }] };
  const products = createProductsRepository(ctx.db);
  const product = (await products.byCatalogIds(ctx.shop.id, [id], { lock: false })).get(id);
  if (!product) return { replies: [{ key: 'catalog:how_to_alias' }] };
  await products.addAlias(ctx.shop.id, alias, product.id);
  await createShopsRepository(ctx.db).bumpCatalogVersion(ctx.shop.id);
  return {
    replies: [{ key: 'catalog:alias_added', params: { alias, name: productName(product.names, ctx.lang) } }],
  };
};
