import { describe, expect, it } from 'vitest';
import { formatRupees, groupIndian, paiseToRupees, rupeesToPaise } from '../../../src/core/money.js';

describe('money', () => {
  it('groups digits the Indian way', () => {
    expect(groupIndian(0)).toBe('0');
    expect(groupIndian(999)).toBe('999');
    expect(groupIndian(1000)).toBe('1,000');
    expect(groupIndian(123456)).toBe('1,23,456');
    expect(groupIndian(12345678)).toBe('1,23,45,678');
  });

  it('formats paise as rupees with ₹ and drops zero paise', () => {
    expect(formatRupees(46400)).toBe('₹464');
    expect(formatRupees(1150)).toBe('₹11.50');
    expect(formatRupees(12345600)).toBe('₹1,23,456');
    expect(formatRupees(-5000)).toBe('-₹50');
  });

  it('converts rupees to paise without float drift', () => {
    expect(rupeesToPaise(11.5)).toBe(1150);
    expect(rupeesToPaise(0.1 + 0.2)).toBe(30);
    expect(paiseToRupees(1150)).toBe(11.5);
  });
});
