import { describe, expect, it } from 'vitest';
import { computeFestivalYear, festivalsBetween } from '../../../../src/core/festivals/index.js';
import { PUBLISHED } from './published-dates.js';

describe('festival dates against published Indian dates', () => {
  const table = festivalsBetween(2015, 2026);
  for (const [id, published] of Object.entries(PUBLISHED)) {
    it(`${id}: the table matches the published date (or its regional alternative) every year`, () => {
      for (const { year, date, alternatives = [] } of published) {
        const ours = table.filter((o) => o.id === id && o.date.startsWith(`${year}-`)).map((o) => o.date);
        expect(ours, `${id} ${year}`).toHaveLength(1);
        expect([date, ...alternatives], `${id} ${year}`).toContain(ours[0]);
      }
    });
  }

  it('the checked-in table equals a fresh computation (regenerate with npm run festivals:generate)', () => {
    for (const year of [2015, 2023, 2026, 2035]) {
      const fresh = computeFestivalYear(year).map(({ id, date }) => `${date} ${id}`);
      const stored = festivalsBetween(year, year).map(({ id, date }) => `${date} ${id}`);
      expect(stored).toEqual(fresh);
    }
  });
});
