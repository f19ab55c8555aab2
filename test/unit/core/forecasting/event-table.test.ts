import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../src/core/forecasting/day-math.js';
import { buildEventTable, eventsNear } from '../../../../src/core/forecasting/event-table.js';

describe('event table', () => {
  const fromDay = dayNumber('2024-10-01');
  const table = buildEventTable({
    events: [
      { date: '2024-10-31', event: 'diwali' },
      { date: '2025-10-20', event: 'diwali' },
      { date: '2025-10-25', event: 'new_mela' },
    ],
    fromDay,
    toDay: dayNumber('2025-10-31'),
    leadDays: 7,
    historyToDay: dayNumber('2025-10-10'),
  });
  const row = (date: string) =>
    Array.from(
      table.values.subarray(
        (dayNumber(date) - fromDay) * table.width,
        (dayNumber(date) - fromDay + 1) * table.width,
      ),
    );
  it('keeps only events that happened within the history', () => {
    expect(table.vocabulary).toEqual(['diwali']);
  });
  it('marks the day, the near and far lead windows and the days after', () => {
    expect(row('2025-10-20')).toEqual([1, 0, 0, 0]);
    expect(row('2025-10-18')).toEqual([0, 1, 0, 0]);
    expect(row('2025-10-13')).toEqual([0, 0, 1, 0]);
    expect(row('2025-10-12')).toEqual([0, 0, 0, 0]);
    expect(row('2025-10-22')).toEqual([0, 0, 0, 1]);
    expect(eventsNear(table, dayNumber('2024-10-28'))).toEqual(['diwali']);
  });
});
