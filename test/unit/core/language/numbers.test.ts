import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../../src/core/language/numbers.js';
import { tokenise } from '../../../../src/core/language/tokenise.js';

function read(text: string): { value: number; unit?: string } | null {
  const reading = readNumber(tokenise(text), 0);
  if (!reading) return null;
  return reading.unit ? { value: reading.value, unit: reading.unit } : { value: reading.value };
}

describe('readNumber', () => {
  it.each([
    ['18', 18],
    ['१८', 18],
    ['2.5', 2.5],
    ['1,20,000', 120000],
    ['1/2', 0.5],
    ['eighteen', 18],
    ['twenty five', 25],
    ['forty-two', 42],
    ['atharah', 18],
    ['pachees', 25],
    ['nabbe', 90],
    ['sau', 100],
    ['अठारह', 18],
    ['पच्चीस', 25],
    ['निन्यानबे', 99],
    ['सौ', 100],
  ])('reads %s as %d', (text, value) => {
    expect(read(text)).toEqual({ value });
  });

  it.each([
    ['aadha', 0.5],
    ['आधा', 0.5],
    ['dedh', 1.5],
    ['डेढ़', 1.5],
    ['dhai', 2.5],
    ['ढाई', 2.5],
    ['sawa do', 2.25],
    ['सवा दो', 2.25],
    ['paune teen', 2.75],
    ['पौने तीन', 2.75],
    ['saadhe chaar', 4.5],
    ['साढ़े चार', 4.5],
    ['sawa', 1.25],
    ['paune', 0.75],
  ])('reads the fraction %s as %d', (text, value) => {
    expect(read(text)).toEqual({ value });
  });

  it.each([
    ['dhai sau', 250],
    ['dedh sau', 150],
    ['saadhe teen sau', 350],
    ['do hazaar', 2000],
    ['ek lakh', 100000],
    ['2 lakh', 200000],
    ['dedh lakh', 150000],
    ['ek sau bees', 120],
    ['do hazaar paanch sau', 2500],
    ['दो लाख', 200000],
  ])('reads the multiplied %s as %d', (text, value) => {
    expect(read(text)).toEqual({ value });
  });

  it('reads paav as a quarter kilo, alone or counted', () => {
    expect(read('paav')).toEqual({ value: 0.25, unit: 'kg' });
    expect(read('ek paav')).toEqual({ value: 0.25, unit: 'kg' });
    expect(read('do paav')).toEqual({ value: 0.5, unit: 'kg' });
    expect(read('पाव')).toEqual({ value: 0.25, unit: 'kg' });
  });

  it('has every Hindi number 0-100 in both scripts', () => {
    const latin = 'shunya ek do teen char paanch chhe saat aath nau das'.split(' ');
    latin.forEach((word, n) => {
      expect(read(word)?.value).toBe(n);
    });
    const devanagari = 'शून्य एक दो तीन चार पांच छह सात आठ नौ दस'.split(' ');
    devanagari.forEach((word, n) => {
      expect(read(word)?.value).toBe(n);
    });
    expect(read('unchas')?.value).toBe(49);
    expect(read('उनचास')?.value).toBe(49);
    expect(read('chhiyasath')?.value).toBe(66);
    expect(read('छियासठ')?.value).toBe(66);
  });

  it('does not read "do" after a verb as two', () => {
    const tokens = tokenise('kar do');
    expect(readNumber(tokens, 1)).toBeNull();
    expect(readNumber(tokenise('do kilo'), 0)?.value).toBe(2);
  });

  it('returns null for words that are not numbers', () => {
    expect(read('maggi')).toBeNull();
    expect(read('')).toBeNull();
  });
});
