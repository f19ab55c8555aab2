import { describe, expect, it } from 'vitest';
import { findDay, findHorizon, localDate } from '../../../../src/core/language/days.js';
import { readNumber } from '../../../../src/core/language/numbers.js';
import { findPhone } from '../../../../src/core/language/phone.js';
import { tokenise } from '../../../../src/core/language/tokenise.js';
import { convertQuantity, unitOf } from '../../../../src/core/language/units.js';

describe('units', () => {
  it.each([
    ['kilo', 'kg'],
    ['किलो', 'kg'],
    ['gm', 'g'],
    ['ग्राम', 'g'],
    ['ltr', 'litre'],
    ['लीटर', 'litre'],
    ['pkt', 'packet'],
    ['पैकेट', 'packet'],
    ['nag', 'piece'],
    ['darjan', 'dozen'],
    ['दर्जन', 'dozen'],
    ['peti', 'carton'],
    ['डिब्बा', 'carton'],
    ['botal', 'bottle'],
  ])('%s is %s', (word, unit) => {
    expect(unitOf(word)).toBe(unit);
  });

  it('converts where it is arithmetic and refuses where it is not', () => {
    expect(convertQuantity(500, 'g', 'kg')).toBe(0.5);
    expect(convertQuantity(1.5, 'litre', 'ml')).toBe(1500);
    expect(convertQuantity(2, 'dozen', 'piece')).toBe(24);
    expect(convertQuantity(2, 'carton', 'packet', 96)).toBe(192);
    expect(convertQuantity(1, 'kg', 'litre')).toBeNull();
  });
});

describe('days', () => {
  const day = (text: string, tense: 'past' | 'future' = 'past'): number | undefined =>
    findDay(tokenise(text), tense)?.offset;

  it('reads kal by the tense of the verb', () => {
    expect(day('kal 5 maggi becha')).toBe(-1);
    expect(day('kal kitna doodh bikega', 'past')).toBe(1);
    expect(day('कल दूध बिका')).toBe(-1);
    expect(day('कल कितना दूध बिकेगा')).toBe(1);
    expect(day('kal 5 maggi')).toBe(-1);
    expect(day('kal kitni maggi', 'future')).toBe(1);
  });

  it('reads aaj, parso, yesterday and tomorrow', () => {
    expect(day('aaj 5 maggi')).toBe(0);
    expect(day('parso 4 kurkure bike')).toBe(-2);
    expect(day('परसों 4 कुरकुरे बिके')).toBe(-2);
    expect(day('yesterday sold 5')).toBe(-1);
    expect(day('tomorrow')).toBe(1);
    expect(day('day before yesterday 4 lays')).toBe(-2);
    expect(day('5 maggi')).toBeUndefined();
  });

  it('computes the shop-local day, not the UTC day', () => {
    const lateEvening = new Date('2026-11-23T20:00:00Z'); // 01:30 on the 24th in India
    expect(localDate(lateEvening, 'Asia/Kolkata')).toBe('2026-11-24');
    expect(localDate(lateEvening, 'Asia/Kolkata', -1)).toBe('2026-11-23');
    expect(localDate(new Date('2026-03-01T06:00:00Z'), 'Asia/Kolkata', -1)).toBe('2026-02-28');
  });

  it('reads horizons', () => {
    const horizon = (text: string): number | undefined => {
      const tokens = tokenise(text);
      return findHorizon(tokens, (at) => readNumber(tokens, at))?.days;
    };
    expect(horizon('agle hafte kitna')).toBe(7);
    expect(horizon('next week')).toBe(7);
    expect(horizon('agle mahine')).toBe(30);
    expect(horizon('अगले महीने')).toBe(30);
    expect(horizon('agle 3 din')).toBe(3);
    expect(horizon('next 10 days')).toBe(10);
    expect(horizon('do hafte')).toBe(14);
    expect(horizon('5 maggi')).toBeUndefined();
  });
});

describe('findPhone', () => {
  it.each([
    ['staff add 9876543210', '+919876543210'],
    ['+91 98765 43210', '+919876543210'],
    ['98765-43210', '+919876543210'],
    ['09876543210', '+919876543210'],
    ['919876543210', '+919876543210'],
  ])('%s -> %s', (text, phone) => {
    expect(findPhone(text)).toBe(phone);
  });

  it('ignores short numbers and landline-like digits', () => {
    expect(findPhone('5 maggi 10 kurkure')).toBeNull();
    expect(findPhone('1234567890')).toBeNull();
  });
});
