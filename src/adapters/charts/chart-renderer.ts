import type { ForecastChartInput } from './forecast-chart-option.js';
import type { RenderSize } from './render-charts.js';
import type { SalesChartInput } from './sales-chart-option.js';

// What a chart PNG is asked with: plain data only (no echarts option, whose formatters are functions),
// so a request can be posted to a chart thread as it is. Type-only imports: loading this module loads
// neither echarts nor resvg.

export type ChartRequest =
  | { kind: 'sales'; input: SalesChartInput; size?: RenderSize }
  | { kind: 'forecast'; input: ForecastChartInput; size?: RenderSize };

export interface ChartRenderer {
  /** The chart as a PNG (option -> echarts SVG -> text outlined with HarfBuzz -> resvg). */
  png(request: ChartRequest): Promise<Buffer>;
  /**
   * Loads echarts, HarfBuzz, resvg and the fonts now by drawing a small chart, so the first report after
   * a start is not the one that waits seconds for them (a batch of messages would wait with it).
   */
  warm(): Promise<void>;
  /** Stops any chart thread; renders still waiting reject. */
  close(): Promise<void>;
}

/** The chart warm() draws: one day, no title. */
export const WARM_UP_CHART: ChartRequest = {
  kind: 'sales',
  input: { days: [{ date: '2026-01-01', revenuePaise: 100 }], title: '', lang: 'hi' },
  size: { width: 64, height: 36 },
};

let renderCharts: Promise<typeof import('./render-charts.js')> | undefined;

/**
 * Renders on the calling thread, as render-charts.ts does: for the benchmark, scripts and tests, and the
 * fallback where no threaded renderer is passed in. echarts, HarfBuzz and resvg load on the first chart.
 */
export function createInProcessChartRenderer(): ChartRenderer {
  const png = async (request: ChartRequest) => {
    renderCharts ??= import('./render-charts.js');
    return (await renderCharts).renderChartPng(request);
  };
  return {
    png,
    warm: async () => void (await png(WARM_UP_CHART)),
    close: async () => {},
  };
}
