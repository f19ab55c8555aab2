export { CHART_FONT_FAMILY, type ChartLang } from './chart-labels.js';
export { type ChartRenderer, type ChartRequest, createInProcessChartRenderer } from './chart-renderer.js';
export { renderChartSvg } from './echarts-svg.js';
export {
  type ForecastChartInput,
  type ForecastDay,
  type ForecastHistoryDay,
  type ForecastMarker,
  forecastChartOption,
} from './forecast-chart-option.js';
export {
  type RenderSize,
  renderChartPng,
  renderForecastChartPng,
  renderForecastChartSvg,
  renderSalesChartPng,
  renderSalesChartSvg,
} from './render-charts.js';
export { type SalesChartDay, type SalesChartInput, salesChartOption } from './sales-chart-option.js';
export { svgToPng } from './svg-to-png.js';
export { type ChartRendererOptions, createChartRenderer } from './threaded-chart-renderer.js';
