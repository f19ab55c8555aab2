import { describe, expect, it } from 'vitest';
import { islamicFestivalsInYear } from '../../../../src/core/festivals/islamic-festivals.js';

describe('Islamic festivals', () => {
  it('are Umm al-Qura dates moved one day later for the Indian sighting', () => {
    const saudi = islamicFestivalsInYear(2024, 'islamic-umalqura', 0);
    const india = islamicFestivalsInYear(2024);
    expect(saudi).toEqual([
      { id: 'eid_al_fitr', date: '2024-04-10' },
      { id: 'eid_al_adha', date: '2024-06-16' },
    ]);
    expect(india).toEqual([
      { id: 'eid_al_fitr', date: '2024-04-11' },
      { id: 'eid_al_adha', date: '2024-06-17' },
    ]);
  });

  it('loses no Eid that the offset carries across New Year, and counts none twice', () => {
    const shift = (date: string, days: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    // Eid al-Fitr fell on 23 December 2033 (Umm al-Qura): an offset of 9 or more moves it into 2034.
    for (const offset of [0, 1, 9, 20]) {
      const raw = [2032, 2033, 2034].flatMap((y) => islamicFestivalsInYear(y, 'islamic-umalqura', 0));
      const expected = raw
        .map((o) => ({ id: o.id, date: shift(o.date, offset) }))
        .filter((o) => o.date >= '2033-01-01' && o.date <= '2034-12-31');
      const actual = [2033, 2034].flatMap((y) => islamicFestivalsInYear(y, 'islamic-umalqura', offset));
      expect(actual, `offset ${offset}`).toEqual(expected);
    }
  });
});
