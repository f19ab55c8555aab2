import { describe, expect, it } from 'vitest';
import { dayCount, reportWindow, startOfWeek } from '../../../../src/core/reports/report-period.js';

describe('report windows', () => {
  it('compares today with yesterday and yesterday with the day before', () => {
    expect(reportWindow('today', '2026-11-24')).toMatchObject({
      period: 'today',
      current: { from: '2026-11-24', to: '2026-11-24' },
      previous: { from: '2026-11-23', to: '2026-11-23' },
      compare: {
        current: { from: '2026-11-24', to: '2026-11-24' },
        previous: { from: '2026-11-23', to: '2026-11-23' },
      },
    });
    expect(reportWindow('yesterday', '2026-03-01')).toMatchObject({
      period: 'yesterday',
      current: { from: '2026-02-28', to: '2026-02-28' },
      previous: { from: '2026-02-27', to: '2026-02-27' },
    });
  });

  it('starts weeks on Monday and compares the same weekdays of last week', () => {
    expect(startOfWeek('2026-11-24')).toBe('2026-11-23'); // a Tuesday
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(reportWindow('week', '2026-11-24')).toEqual({
      period: 'week',
      current: { from: '2026-11-23', to: '2026-11-24' },
      previous: { from: '2026-11-16', to: '2026-11-17' },
      // Today is still being sold: the change is measured on Monday against last Monday.
      compare: {
        current: { from: '2026-11-23', to: '2026-11-23' },
        previous: { from: '2026-11-16', to: '2026-11-16' },
      },
    });
    expect(reportWindow('week', '2026-11-23').compare).toEqual({
      current: { from: '2026-11-23', to: '2026-11-23' },
      previous: { from: '2026-11-16', to: '2026-11-16' },
    });
  });

  it('compares a month to date with as many days of the previous month, capped at its length', () => {
    expect(reportWindow('month', '2026-11-24').previous).toEqual({ from: '2026-10-01', to: '2026-10-24' });
    expect(reportWindow('month', '2026-03-31').previous).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(reportWindow('month', '2024-03-30').previous).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(reportWindow('month', '2027-01-05')).toEqual({
      period: 'month',
      current: { from: '2027-01-01', to: '2027-01-05' },
      previous: { from: '2026-12-01', to: '2026-12-05' },
      compare: {
        current: { from: '2027-01-01', to: '2027-01-04' },
        previous: { from: '2026-12-01', to: '2026-12-04' },
      },
    });
    expect(reportWindow('month', '2026-03-31').compare.previous).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('counts days inclusively', () => {
    expect(dayCount({ from: '2026-11-01', to: '2026-11-24' })).toBe(24);
    expect(dayCount({ from: '2026-11-24', to: '2026-11-24' })).toBe(1);
  });
});
