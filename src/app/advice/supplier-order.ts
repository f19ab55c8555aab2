import type { Queryable } from '../../adapters/postgres/pool.js';
import {
  type AdviceProduct,
  createAdviceProductsRepository,
} from '../../adapters/postgres/repositories/advice-products.js';
import { createRestockListsRepository } from '../../adapters/postgres/repositories/restock-lists.js';
import { type ReplyText, reply } from '../../core/conversation/reply.js';
import type { Lang } from '../../core/parse.js';
import { name, orderWords } from './advice-words.js';

// "Order bhej do": the restock list the shop was last shown goes to each supplier as ONE message with that
// supplier's items, and the owner gets a confirmation (and the items that have no supplier number yet).
// Saving a supplier: "maggi ka supplier 98765 43210", "snacks supplier 98765 43210".

export interface OrderMessage {
  text: ReplyText;
  /** Set for the supplier's message; the confirmation goes back to the owner's chat. */
  chatId?: string;
  kind?: 'order';
}

/** A list older than this is stale: the owner should ask again rather than send yesterday's numbers. */
const PENDING_LIST_MS = 3 * 24 * 60 * 60 * 1000;

export async function sendPendingOrder(
  db: Queryable,
  input: { shop: { id: number; name: string }; now: Date; lang: Lang; ownerChatId: string },
): Promise<OrderMessage[]> {
  const lists = createRestockListsRepository(db);
  const list = await lists.lockLatestUnsent(input.shop.id, new Date(input.now.getTime() - PENDING_LIST_MS));
  if (!list || list.items.length === 0) return [{ text: reply('order:nothing') }];
  const products = new Map(
    (
      await createAdviceProductsRepository(db).byIds(
        input.shop.id,
        list.items.map((i) => i.productId),
      )
    ).map((p) => [p.id, p]),
  );
  const bySupplier = new Map<string, ReplyText[]>();
  const without: string[] = [];
  for (const item of list.items) {
    const product = products.get(item.productId);
    if (!product) continue;
    const line = itemLine(product, item.units, input.lang);
    if (!product.supplierPhone) {
      without.push(name(product.names, input.lang));
      continue;
    }
    bySupplier.set(product.supplierPhone, [...(bySupplier.get(product.supplierPhone) ?? []), line]);
  }
  if (bySupplier.size === 0) return [{ text: reply('order:no_supplier', { names: without.join(', ') }) }];
  const messages: OrderMessage[] = [...bySupplier].map(([phone, lines]) => ({
    text: reply('order:to_supplier', { shop: input.shop.name, lines }),
    chatId: supplierChatId(input.ownerChatId, phone),
    kind: 'order',
  }));
  await lists.markSent(list.id, input.now);
  const sentItems = [...bySupplier.values()].reduce((n, lines) => n + lines.length, 0);
  messages.push({
    text: reply('order:sent', {
      items: sentItems,
      suppliers: bySupplier.size,
      missing: without.length > 0 ? reply('order:missing', { names: without.join(', ') }) : '',
    }),
  });
  return messages;
}

function itemLine(product: AdviceProduct, units: number, lang: Lang): ReplyText {
  const packs = product.packSize > 1 ? Math.round(units / product.packSize) : units;
  return reply('order:line', {
    name: name(product.names, lang),
    order: orderWords(units, packs, product.packSize, product.unit),
  });
}

/** A supplier's chat on the owner's channel: Baileys chats are JIDs, the others E.164 numbers. */
export function supplierChatId(ownerChatId: string, phone: string): string {
  const at = ownerChatId.indexOf('@');
  return at >= 0 ? `${phone.replace(/^\+/, '')}${ownerChatId.slice(at)}` : phone;
}

export async function saveSupplier(
  db: Queryable,
  input: { shopId: number; lang: Lang; phone?: string; catalogId?: string; category?: string },
): Promise<ReplyText> {
  if (!input.phone) return reply('order:supplier_how');
  const products = createAdviceProductsRepository(db);
  if (input.catalogId) {
    const [product] = await products.byCatalogIds(input.shopId, [input.catalogId]);
    if (product && (await products.setProductSupplier(input.shopId, input.catalogId, input.phone)))
      return reply('order:supplier_product', {
        phone: input.phone,
        product: name(product.names, input.lang),
      });
  }
  if (input.category) {
    await products.setCategorySupplier(input.shopId, input.category, input.phone);
    return reply('order:supplier_category', {
      phone: input.phone,
      category: reply(`order:category.${input.category}`),
    });
  }
  return reply('order:supplier_how');
}
