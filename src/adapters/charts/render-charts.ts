import type { ChartRequest } from './chart-renderer.js';
import { renderChartSvg } from './echarts-svg.js';
import { type ForecastChartInput, forecastChartOption } from './forecast-chart-option.js';
import { type SalesChartInput, salesChartOption } from './sales-chart-option.js';
import { svgToPng } from './svg-to-png.js';

// Node-side entry points: chart data in, SVG or PNG out. A WhatsApp image reads well at 800x450 (16:9).

export interface RenderSize {
  width?: number;
  height?: number;
}

const DEFAULT_SIZE = { width: 800, height: 450 };

export function renderSalesChartSvg(input: SalesChartInput, size: RenderSize = {}): string {
  return renderChartSvg(salesChartOption(input), { ...DEFAULT_SIZE, ...size });
}

export async function renderSalesChartPng(input: SalesChartInput, size: RenderSize = {}): Promise<Buffer> {
  return svgToPng(renderSalesChartSvg(input, size));
}

export function renderForecastChartSvg(input: ForecastChartInput, size: RenderSize = {}): string {
  return renderChartSvg(forecastChartOption(input), { ...DEFAULT_SIZE, ...size });
}

export async function renderForecastChartPng(
  input: ForecastChartInput,
  size: RenderSize = {},
): Promise<Buffer> {
  return svgToPng(renderForecastChartSvg(input, size));
}

/** One chart request, in process; a chart thread runs this for each request posted to it. */
export function renderChartPng(request: ChartRequest): Promise<Buffer> {
  return request.kind === 'sales'
    ? renderSalesChartPng(request.input, request.size)
    : renderForecastChartPng(request.input, request.size);
}
