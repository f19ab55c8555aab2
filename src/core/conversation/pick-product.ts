import type { ParsedItem } from '../parse/types.js';
import type { PendingLine, PickProductQuestion } from './pending.js';
import { type ReplyText, reply } from './reply.js';

// When a sale or purchase names a product the shop's matcher is not sure of, the bot asks rather than
// guesses: a wrong product in the ledger is worse than one question. The question lists the likely
// products and, for an owner, "new product"; the answer is a number or a product name.

/**
 * The lines of a parsed sale or purchase. `expiry` is the message's expiry date: the items the parser tied
 * it to keep theirs, and when it tied it to none, every line gets it.
 */
export function linesFromItems(items: readonly ParsedItem[], expiry?: string): PendingLine[] {
  const ownExpiry = items.some((item) => item.expiry !== undefined);
  return items.map((item) => {
    const line: PendingLine = { productId: item.product, text: item.text, candidates: item.candidates ?? [] };
    if (item.quantity !== undefined) line.quantity = item.quantity;
    if (item.unit !== undefined) line.unit = item.unit;
    if (item.unitPrice !== undefined) line.unitPrice = item.unitPrice;
    if (item.amount !== undefined) line.amount = item.amount;
    const lineExpiry = ownExpiry ? item.expiry : expiry;
    if (lineExpiry !== undefined) line.expiry = lineExpiry;
    return line;
  });
}

/** The question for the first line without a product, or null when every line has one. */
export function pickQuestion(
  entry: Omit<PickProductQuestion, 'kind' | 'options'>,
  o: { canAddProducts: boolean },
): PickProductQuestion | null {
  const open = entry.lines.find((line) => line.productId === null);
  if (!open) return null;
  const options: PickProductQuestion['options'] = open.candidates
    .slice(0, 3)
    .map((productId) => ({ productId }));
  if (o.canAddProducts && open.text.trim() !== '') options.push({ newProduct: open.text.trim() });
  return { kind: 'pick_product', ...entry, options };
}

/** The words of the question; `nameOf` gives a product's name in the reply language. */
export function pickQuestionWords(
  question: PickProductQuestion,
  nameOf: (productId: string) => string,
): ReplyText {
  const word = question.lines.find((line) => line.productId === null)?.text ?? '';
  if (question.options.length === 0) return reply('conversation:pick.retype', { word });
  const options = question.options.map((option, index) =>
    'productId' in option
      ? reply('conversation:pick.option', { n: index + 1, name: nameOf(option.productId) })
      : reply('conversation:pick.option_new', { n: index + 1, name: option.newProduct }),
  );
  const numbers = options.map((_, index) => String(index + 1));
  const last = numbers.pop() ?? '1';
  const choices =
    numbers.length === 0
      ? reply('conversation:pick.choose_one', { n: last })
      : reply('conversation:pick.choose', { list: numbers.join(', '), last });
  return reply('conversation:pick.ask', { word, options, choices });
}

export type PickOutcome =
  | { kind: 'complete'; lines: PendingLine[]; learned: Array<{ alias: string; productId: string }> }
  | { kind: 'ask'; question: PickProductQuestion; learned: Array<{ alias: string; productId: string }> }
  | { kind: 'new_product'; name: string; resume: Omit<PickProductQuestion, 'kind' | 'options'> }
  | { kind: 'not_an_answer' };

/**
 * Applies an answer: `choice` is a number the shopkeeper sent, `productId` a product their words matched.
 * A product picked from the list is learned as an alias for the word, so the shop is asked only once.
 */
export function answerPick(
  question: PickProductQuestion,
  answer: { choice?: number; productId?: string | null },
  o: { canAddProducts: boolean },
): PickOutcome {
  const at = question.lines.findIndex((line) => line.productId === null);
  const open = question.lines[at];
  if (!open) return { kind: 'not_an_answer' };
  const { kind: _kind, options, ...entry } = question;
  let productId: string | null = null;
  if (answer.choice !== undefined) {
    const option = options[answer.choice - 1];
    if (!option) return { kind: 'not_an_answer' };
    if ('newProduct' in option) return { kind: 'new_product', name: option.newProduct, resume: entry };
    productId = option.productId;
  } else if (answer.productId) {
    productId = answer.productId;
  }
  if (productId === null) return { kind: 'not_an_answer' };
  const lines = entry.lines.map((line, index) => (index === at ? { ...line, productId } : line));
  const learned = open.text.trim() === '' ? [] : [{ alias: open.text.trim(), productId }];
  const next = pickQuestion({ ...entry, lines }, o);
  return next ? { kind: 'ask', question: next, learned } : { kind: 'complete', lines, learned };
}
