import { describe, expect, it } from 'vitest';
import { findCalendarDate } from '../../../../src/core/language/calendar-dates.js';
import { tokenise } from '../../../../src/core/language/tokenise.js';

const TODAY = '2026-11-24';
const dateOf = (text: string, tense: 'past' | 'future' | null = null): string | null =>
  findCalendarDate(tokenise(text), TODAY, tense)?.date ?? null;

describe('numeric dates', () => {
  it('reads day/month, day first as India writes it, in the nearest year for the tense', () => {
    expect(dateOf('12/11 ko 5 maggi bechi', 'past')).toBe('2026-11-12');
    expect(dateOf('25/11 ko kitna doodh lagega', 'future')).toBe('2026-11-25');
    // A past sale on a day still ahead this year was last year's.
    expect(dateOf('28/12 ko 5 maggi bechi', 'past')).toBe('2025-12-28');
    expect(dateOf('12/11/2025 ko 3 lays')).toBe('2025-11-12');
    expect(dateOf('on 1/11/25 sold 3 lays')).toBe('2025-11-01');
  });

  it('leaves kirana fractions and impossible days alone', () => {
    expect(dateOf('1/2 kg jeera')).toBeNull();
    expect(dateOf('3/4 kilo dal')).toBeNull();
    expect(dateOf('10/2 kg')).toBeNull();
    expect(dateOf('31/2 ko')).toBeNull();
    expect(dateOf('40/11 ko')).toBeNull();
  });

  it('reads "N tarikh" and ordinals after "on" as a day of this or a neighbouring month', () => {
    expect(dateOf('23 tarikh ko 4 lays bike', 'past')).toBe('2026-11-23');
    expect(dateOf('28 tarikh ko 4 lays bike', 'past')).toBe('2026-10-28');
    expect(dateOf('5 तारीख को 2 किलो चीनी बिकी', 'past')).toBe('2026-11-05');
    expect(dateOf('on 5th sold 10 maggi', 'past')).toBe('2026-11-05');
    expect(dateOf('5 th')).toBeNull();
  });

  it('marks the tokens it used so they are not read as quantities', () => {
    expect(findCalendarDate(tokenise('12/11 ko 5 maggi'), TODAY, 'past')?.used).toEqual([0, 1, 2]);
  });
});
