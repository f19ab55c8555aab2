import { describe, expect, it } from 'vitest';
import type { PickProductQuestion } from '../../../../src/core/conversation/pending.js';
import {
  answerPick,
  linesFromItems,
  pickQuestion,
  pickQuestionWords,
} from '../../../../src/core/conversation/pick-product.js';

const entry = {
  intent: 'log_sale' as const,
  date: '2026-11-24',
  lines: linesFromItems([
    { product: 'maggi', text: 'maggi', quantity: 5 },
    { product: null, text: 'magic', candidates: ['maida', 'matchbox'], quantity: 2 },
    { product: null, text: 'zorbo', quantity: 1, unitPrice: 12 },
  ]),
};
const owner = { canAddProducts: true };
const staff = { canAddProducts: false };

function ask(o = owner): PickProductQuestion {
  const question = pickQuestion(entry, o);
  if (!question) throw new Error('expected a question');
  return question;
}

describe('asking about an unknown product', () => {
  it('asks about the first unknown line, offering likely products and, for owners, a new one', () => {
    expect(ask().options).toEqual([
      { productId: 'maida' },
      { productId: 'matchbox' },
      { newProduct: 'magic' },
    ]);
    expect(ask(staff).options).toEqual([{ productId: 'maida' }, { productId: 'matchbox' }]);
  });

  it('asks nothing when every line has a product', () => {
    expect(pickQuestion({ ...entry, lines: entry.lines.slice(0, 1) }, owner)).toBeNull();
  });

  it('words the question with numbered options and the numbers to reply', () => {
    const words = pickQuestionWords(ask(), (id) => id.toUpperCase());
    expect(words.key).toBe('conversation:pick.ask');
    expect(words.params?.word).toBe('magic');
    expect(words.params?.options).toEqual([
      { key: 'conversation:pick.option', params: { n: 1, name: 'MAIDA' } },
      { key: 'conversation:pick.option', params: { n: 2, name: 'MATCHBOX' } },
      { key: 'conversation:pick.option_new', params: { n: 3, name: 'magic' } },
    ]);
    expect(words.params?.choices).toEqual({
      key: 'conversation:pick.choose',
      params: { list: '1, 2', last: '3' },
    });
  });

  it('asks to retype when there is nothing to offer', () => {
    const question = pickQuestion({ ...entry, lines: [entry.lines[2]!] }, staff)!;
    expect(pickQuestionWords(question, String)).toEqual({
      key: 'conversation:pick.retype',
      params: { word: 'zorbo' },
    });
  });
});

describe('applying the answer', () => {
  it('takes a numbered choice, learns the word, and moves on to the next unknown line', () => {
    const outcome = answerPick(ask(), { choice: 2 }, owner);
    expect(outcome.kind).toBe('ask');
    if (outcome.kind !== 'ask') return;
    expect(outcome.learned).toEqual([{ alias: 'magic', productId: 'matchbox' }]);
    expect(outcome.question.lines[1]?.productId).toBe('matchbox');
    expect(outcome.question.options).toEqual([{ newProduct: 'zorbo' }]);
  });

  it('takes a product name and completes when no line is left open', () => {
    const first = answerPick(ask(), { productId: 'maggi' }, owner);
    if (first.kind !== 'ask') throw new Error('expected the next question');
    const second = answerPick(first.question, { productId: 'pepsi' }, owner);
    expect(second.kind).toBe('complete');
    if (second.kind !== 'complete') return;
    expect(second.lines.map((line) => line.productId)).toEqual(['maggi', 'maggi', 'pepsi']);
  });

  it('hands a "new product" choice back with the entry to finish', () => {
    const outcome = answerPick(ask(), { choice: 3 }, owner);
    expect(outcome).toMatchObject({ kind: 'new_product', name: 'magic', resume: { intent: 'log_sale' } });
  });

  it('does not accept a number that was not offered', () => {
    expect(answerPick(ask(), { choice: 7 }, owner)).toEqual({ kind: 'not_an_answer' });
    expect(answerPick(ask(), { productId: null }, owner)).toEqual({ kind: 'not_an_answer' });
  });
});
