import type { EChartsCoreOption } from 'echarts';
import { CHART_TEXT_STYLE, type ChartLang, chartWords, dayLabel } from './chart-labels.js';

// A product's forecast: recent daily units, then the p10-p90 band and the p50 line ahead, with festival
// days marked. Browser-safe, shared by the dashboard's product page and the PNG renderer.

export interface ForecastHistoryDay {
  date: string;
  units: number;
}

export interface ForecastDay {
  date: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface ForecastMarker {
  date: string;
  name: string;
}

export interface ForecastChartInput {
  history: readonly ForecastHistoryDay[];
  forecast: readonly ForecastDay[];
  festivals?: readonly ForecastMarker[];
  title: string;
  lang: ChartLang;
}

const HISTORY_COLOR = '#3b5bdb';
const FORECAST_COLOR = '#e8590c';
const BAND_COLOR = 'rgba(232, 89, 12, 0.18)';
const FESTIVAL_COLOR = '#c2255c';

export function forecastChartOption(input: ForecastChartInput): EChartsCoreOption {
  const { history, forecast, title, lang } = input;
  const words = chartWords(lang);
  const dates = [...new Set([...history.map((day) => day.date), ...forecast.map((day) => day.date)])].sort();
  const historyByDate = new Map(history.map((day) => [day.date, day.units]));
  const forecastByDate = new Map(forecast.map((day) => [day.date, day]));
  const lastHistory = history.at(-1);
  // The forecast line starts at the last actual point so the two lines join.
  const p50 = dates.map((date) => {
    const ahead = forecastByDate.get(date);
    if (ahead) return ahead.p50;
    return date === lastHistory?.date ? lastHistory.units : null;
  });
  const festivals = (input.festivals ?? []).filter((festival) => dates.includes(festival.date));
  const labels = dates.map((date) => dayLabel(date, lang, false));

  return {
    textStyle: CHART_TEXT_STYLE,
    title: { text: title, left: 'center', textStyle: { fontSize: 20, fontWeight: 'bold' } },
    legend: { bottom: 0, textStyle: { fontSize: 13 }, data: [words.sales, words.forecast, words.range] },
    grid: { left: 16, right: 24, top: 64, bottom: 40, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: labels, axisLabel: { fontSize: 12 } },
    yAxis: { type: 'value', name: words.units, nameTextStyle: { fontSize: 12 }, axisLabel: { fontSize: 12 } },
    series: [
      {
        // Invisible base of the band: p10, with the p90-p10 gap stacked on top and filled.
        type: 'line',
        name: 'p10',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        data: dates.map((date) => forecastByDate.get(date)?.p10 ?? null),
      },
      {
        type: 'line',
        name: words.range,
        stack: 'band',
        symbol: 'none',
        color: BAND_COLOR,
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOR },
        data: dates.map((date) => {
          const ahead = forecastByDate.get(date);
          return ahead ? ahead.p90 - ahead.p10 : null;
        }),
      },
      {
        type: 'line',
        name: words.sales,
        symbol: 'none',
        color: HISTORY_COLOR,
        lineStyle: { width: 2 },
        data: dates.map((date) => historyByDate.get(date) ?? null),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: FESTIVAL_COLOR, type: 'dashed', width: 1.5 },
          label: { formatter: '{b}', color: FESTIVAL_COLOR, fontSize: 13, position: 'end' },
          data: festivals.map((festival) => ({
            name: festival.name,
            xAxis: dayLabel(festival.date, lang, false),
          })),
        },
      },
      {
        type: 'line',
        name: words.forecast,
        symbol: 'none',
        color: FORECAST_COLOR,
        lineStyle: { width: 2, type: 'dashed' },
        data: p50,
      },
    ],
  };
}
