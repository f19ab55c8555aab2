import { describe, expect, it } from 'vitest';
import { axisRupees, dayLabel } from '../../../../src/adapters/charts/chart-labels.js';
import { forecastChartOption, salesChartOption } from '../../../../src/adapters/charts/index.js';
import { WEEK_REVENUE } from './week-fixture.js';

type Series = { data: unknown[]; markLine?: { data: { name: string; xAxis: string }[] } };
type Option = {
  title: { text: string; subtext?: string };
  xAxis: { data: string[] };
  yAxis: { axisLabel: { formatter?: (value: number) => string } };
  series: Series[];
};

const days = [...WEEK_REVENUE];
const REVENUE = days.map((day) => day.revenuePaise);

describe('chart labels', () => {
  it('writes rupees with Indian grouping and lakhs on axes', () => {
    expect(axisRupees(1_234_500, 'en')).toBe('₹12,345');
    expect(axisRupees(12_345_600, 'en')).toBe('₹1.2L');
    expect(axisRupees(12_345_600, 'hi')).toBe('₹1.2 लाख');
  });

  it('names days in the chosen language', () => {
    expect(dayLabel('2026-11-16', 'en', true)).toBe('Mon 16');
    expect(dayLabel('2026-11-16', 'hi', true)).toBe('सोम 16');
    expect(dayLabel('2026-11-16', 'en', false)).toBe('16 Nov');
  });
});

describe('salesChartOption', () => {
  it('labels a week by weekday and totals it in rupees', () => {
    const option = salesChartOption({ days, title: 'इस हफ़्ते की बिक्री', lang: 'hi' }) as unknown as Option;
    expect(option.title.text).toBe('इस हफ़्ते की बिक्री');
    expect(option.title.subtext).toBe('कुल ₹18,411');
    expect(option.xAxis.data[0]).toBe('सोम 16');
    expect(option.yAxis.axisLabel.formatter?.(1_234_500)).toBe('₹12,345');
  });

  it('colours the best day apart from the rest', () => {
    const option = salesChartOption({ days, title: 'Week', lang: 'en' }) as unknown as Option;
    const colours = option.series[0]!.data.map(
      (d) => (d as { itemStyle: { color: string } }).itemStyle.color,
    );
    const best = REVENUE.indexOf(Math.max(...REVENUE));
    expect(new Set(colours).size).toBe(2);
    expect(colours.filter((c) => c === colours[best])).toHaveLength(1);
  });

  it('labels a month by date', () => {
    const month = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      revenuePaise: 100_000 + i,
    }));
    const option = salesChartOption({ days: month, title: 'November', lang: 'en' }) as unknown as Option;
    expect(option.xAxis.data[0]).toBe('1 Nov');
    expect(option.xAxis.data).toHaveLength(30);
  });
});

describe('forecastChartOption', () => {
  const history = [
    { date: '2026-10-29', units: 10 },
    { date: '2026-10-30', units: 12 },
  ];
  const forecast = [
    { date: '2026-10-31', p10: 8, p50: 11, p90: 15 },
    { date: '2026-11-01', p10: 20, p50: 28, p90: 36 },
  ];

  it('lines history up with the band and p50 ahead, joined at the last actual day', () => {
    const option = forecastChartOption({
      history,
      forecast,
      festivals: [
        { date: '2026-11-01', name: 'Diwali' },
        { date: '2027-03-01', name: 'Holi' },
      ],
      title: 'Lays',
      lang: 'en',
    }) as unknown as Option;
    const [p10, band, actual, p50] = option.series;
    expect(option.xAxis.data).toEqual(['29 Oct', '30 Oct', '31 Oct', '1 Nov']);
    expect(p10!.data).toEqual([null, null, 8, 20]);
    expect(band!.data).toEqual([null, null, 7, 16]);
    expect(actual!.data).toEqual([10, 12, null, null]);
    expect(p50!.data).toEqual([null, 12, 11, 28]);
    // Only festivals inside the chart get a marker.
    expect(actual!.markLine!.data).toEqual([{ name: 'Diwali', xAxis: '1 Nov' }]);
  });
});
