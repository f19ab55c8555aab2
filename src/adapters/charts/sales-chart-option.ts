import type { EChartsCoreOption } from 'echarts';
import {
  axisRupees,
  CHART_TEXT_STYLE,
  type ChartLang,
  chartWords,
  dayLabel,
  wholeRupees,
} from './chart-labels.js';

// The daily sales chart of a weekly or monthly report. Browser-safe: the dashboard passes this option to
// its own echarts instance; the report PNG renders the same option on the server.

export interface SalesChartDay {
  date: string;
  revenuePaise: number;
}

export interface SalesChartInput {
  days: readonly SalesChartDay[];
  title: string;
  lang: ChartLang;
}

const BAR_COLOR = '#2f7d5b';
const BEST_DAY_COLOR = '#e08a1e';

export function salesChartOption(input: SalesChartInput): EChartsCoreOption {
  const { days, title, lang } = input;
  const words = chartWords(lang);
  // A week reads best as weekdays; a month as dates.
  const weekly = days.length <= 8;
  const total = days.reduce((sum, day) => sum + day.revenuePaise, 0);
  const best = days.reduce((max, day) => Math.max(max, day.revenuePaise), 0);

  return {
    textStyle: CHART_TEXT_STYLE,
    title: {
      text: title,
      subtext: `${words.total} ${wholeRupees(total)}`,
      left: 'center',
      textStyle: { fontSize: 20, fontWeight: 'bold' },
      subtextStyle: { fontSize: 15, color: '#444' },
    },
    grid: { left: 16, right: 16, top: 78, bottom: 12, containLabel: true },
    xAxis: {
      type: 'category',
      data: days.map((day) => dayLabel(day.date, lang, weekly)),
      axisLabel: { fontSize: 13, interval: weekly ? 0 : 'auto' },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { fontSize: 12, formatter: (value: number) => axisRupees(value, lang) },
    },
    series: [
      {
        type: 'bar',
        name: words.sales,
        barMaxWidth: 48,
        data: days.map((day) => ({
          value: day.revenuePaise,
          itemStyle: { color: best > 0 && day.revenuePaise === best ? BEST_DAY_COLOR : BAR_COLOR },
        })),
        label: {
          show: weekly,
          position: 'top',
          fontSize: 12,
          formatter: (params: { value: unknown }) => wholeRupees(Number(params.value)),
        },
      },
    ],
  };
}
