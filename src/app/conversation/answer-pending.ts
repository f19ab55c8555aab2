import { createProductsRepository } from '../../adapters/postgres/repositories/products.js';
import { createShopsRepository } from '../../adapters/postgres/repositories/shops.js';
import { readPriceAnswer } from '../../core/conversation/new-product.js';
import type {
  NewProductPriceQuestion,
  PendingQuestion,
  PickProductQuestion,
} from '../../core/conversation/pending.js';
import { answerPick } from '../../core/conversation/pick-product.js';
import { formatRupees } from '../../core/money.js';
import { createCustomProduct } from './handlers/catalog.js';
import { recordLinesAndBatches } from './record-batches.js';
import { askPick, type LinesEntry } from './record-lines.js';
import type { ConversationContext, HandlerResult } from './types.js';

// The answer to a question the bot asked. Returns undefined when the message is not an answer, so the
// engine handles it as a fresh message (and the stale question is dropped).

export async function answerPending(
  ctx: ConversationContext,
  pending: PendingQuestion,
): Promise<HandlerResult | undefined> {
  return pending.kind === 'pick_product'
    ? answerPickProduct(ctx, pending)
    : answerNewProductPrice(ctx, pending);
}

async function answerPickProduct(
  ctx: ConversationContext,
  question: PickProductQuestion,
): Promise<HandlerResult | undefined> {
  const body = ctx.message.body.trim();
  const answer =
    ctx.parsed.intent === 'choose' && ctx.parsed.choice !== undefined
      ? { choice: ctx.parsed.choice }
      : teachesOpenWord(ctx, question)
        ? { productId: ctx.parsed.product }
        : isBareName(body)
          ? { productId: ctx.matcher.match(body).productId }
          : undefined;
  if (!answer || (answer.choice === undefined && !answer.productId)) return undefined;
  const canAddProducts = ctx.member.role === 'owner';
  const outcome = answerPick(question, answer, { canAddProducts });
  switch (outcome.kind) {
    case 'not_an_answer':
      return { replies: [{ key: 'conversation:pick.bad_choice' }], pending: question };
    case 'new_product':
      return newProductFromLine(ctx, outcome.name, outcome.resume);
    case 'ask':
      await learn(ctx, outcome.learned);
      return askPick(ctx, outcome.question);
    case 'complete':
      await learn(ctx, outcome.learned);
      return recordLinesAndBatches(ctx, { ...question, lines: outcome.lines });
  }
}

/**
 * "magic matlab maggi" while "5 magic" waits: the shopkeeper answered by teaching the word. Read as the
 * answer (the word is learned and the waiting sale logged), not as a new message that drops the sale.
 * Only the owner teaches words; staff get the owner-only reply as before.
 */
function teachesOpenWord(ctx: ConversationContext, question: PickProductQuestion): boolean {
  if (ctx.parsed.intent !== 'add_alias' || !ctx.parsed.product || ctx.member.role !== 'owner') return false;
  const open = question.lines.find((line) => line.productId === null);
  return open !== undefined && open.text.trim().toLowerCase() === ctx.parsed.alias?.trim().toLowerCase();
}

/** A product name on its own ("maggi", "मैगी"), not a new sentence with numbers in it. */
function isBareName(text: string): boolean {
  return text !== '' && !/\d/.test(text) && text.split(/\s+/).length <= 4;
}

/** A word the shopkeeper confirmed means a product is remembered, so they are not asked again. */
async function learn(ctx: ConversationContext, learned: Array<{ alias: string; productId: string }>) {
  if (learned.length === 0) return;
  const products = createProductsRepository(ctx.db);
  const found = await products.byCatalogIds(
    ctx.shop.id,
    learned.map((entry) => entry.productId),
    { lock: false },
  );
  for (const entry of learned) {
    const product = found.get(entry.productId);
    if (product) await products.addAlias(ctx.shop.id, entry.alias, product.id);
  }
  await createShopsRepository(ctx.db).bumpCatalogVersion(ctx.shop.id);
}

/** "New product" picked for a line: its price is the line's own when the message named one. */
async function newProductFromLine(
  ctx: ConversationContext,
  name: string,
  resume: LinesEntry,
): Promise<HandlerResult> {
  const line = resume.lines.find((entry) => entry.productId === null);
  const said =
    line?.unitPrice ??
    (line?.amount !== undefined && line.quantity ? line.amount / line.quantity : undefined);
  if (resume.intent === 'log_sale' && said !== undefined && said > 0)
    return finishNewProduct(ctx, name, said, resume);
  return {
    replies: [{ key: 'catalog:ask_price', params: { name } }],
    pending: { kind: 'new_product_price', name, resume },
  };
}

async function answerNewProductPrice(
  ctx: ConversationContext,
  question: NewProductPriceQuestion,
): Promise<HandlerResult | undefined> {
  const price = readPriceAnswer(ctx.message.body);
  if (price === null) return undefined;
  return finishNewProduct(ctx, question.name, price, question.resume);
}

async function finishNewProduct(
  ctx: ConversationContext,
  name: string,
  priceRupees: number,
  resume: LinesEntry | undefined,
): Promise<HandlerResult> {
  const product = await createCustomProduct(ctx, name, priceRupees);
  if (!resume) {
    return {
      replies: [
        { key: 'catalog:added', params: { name: product.names.en, price: formatRupees(product.pricePaise) } },
      ],
    };
  }
  let placed = false;
  const lines = resume.lines.map((line) => {
    if (placed || line.productId !== null) return line;
    placed = true;
    return { ...line, productId: product.catalogId };
  });
  const result = await recordLinesAndBatches(ctx, { ...resume, lines });
  const [first, ...rest] = result.replies;
  if (!first) return result;
  const then = { key: first.key, ...(first.params ? { params: first.params } : {}) };
  return {
    ...result,
    replies: [{ key: 'catalog:added_then', params: { name: product.names.en, then } }, ...rest],
  };
}
