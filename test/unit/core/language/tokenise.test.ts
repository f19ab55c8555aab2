import { describe, expect, it } from 'vitest';
import { normaliseText, phoneticKey } from '../../../../src/core/language/normalise.js';
import { tokenise } from '../../../../src/core/language/tokenise.js';

const texts = (text: string): string[] => tokenise(text).map((t) => t.text);

describe('normaliseText', () => {
  it('folds Devanagari digits, nukta and chandrabindu', () => {
    expect(normaliseText('१२३')).toBe('123');
    expect(normaliseText('लेज़')).toBe(normaliseText('लेज'));
    expect(normaliseText('रखूँ')).toBe(normaliseText('रखूं'));
    expect(normaliseText('MAGGI')).toBe('maggi');
  });
});

describe('phoneticKey', () => {
  it('collapses common Hinglish spelling variants', () => {
    expect(phoneticKey('cheeni')).toBe(phoneticKey('chini'));
    expect(phoneticKey('doodh')).toBe(phoneticKey('dudh'));
    expect(phoneticKey('maggie')).toBe(phoneticKey('maggi'));
    expect(phoneticKey('kurkurey')).toBe(phoneticKey('kurkure'));
    expect(phoneticKey('malai')).not.toBe(phoneticKey('maal'));
  });
});

describe('tokenise', () => {
  it('splits numbers from units and keeps decimals and grouping', () => {
    expect(texts('2kg cheeni')).toEqual(['2', 'kg', 'cheeni']);
    expect(texts('1.5 kg')).toEqual(['1.5', 'kg']);
    expect(tokenise('1,200 rs')[0]).toMatchObject({ kind: 'number', value: 1200 });
    expect(tokenise('1,20,000')[0]).toMatchObject({ kind: 'number', value: 120000 });
  });

  it('treats commas between items, full stops and line breaks as breaks', () => {
    const kinds = tokenise('18 maggi,6 kurkure\n2 lays. 3 bingo').map((t) => t.kind);
    expect(kinds.filter((k) => k === 'break')).toHaveLength(3);
  });

  it('keeps hyphenated names whole and drops a possessive', () => {
    expect(texts('parle-g 5')).toEqual(['parle-g', '5']);
    expect(texts("today's report")).toEqual(['today', 'report']);
  });

  it('reads Devanagari digits and the danda', () => {
    expect(tokenise('५ मैगी। ६ लेज')).toMatchObject([
      { kind: 'number', value: 5 },
      { kind: 'word', text: 'मैगी' },
      { kind: 'break' },
      { kind: 'number', value: 6 },
      { kind: 'word' },
    ]);
  });

  it('marks ₹ and @ as symbols', () => {
    expect(tokenise('₹120 @14').map((t) => t.kind)).toEqual(['symbol', 'number', 'symbol', 'number']);
  });
});
