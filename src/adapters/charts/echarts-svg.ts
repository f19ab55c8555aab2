import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

// Only what the chart options use (bar and line series, title, grid with containLabel, legend, mark
// lines, SVG): every setOption walks every registered component type, and the full bundle registers
// dozens. A new series or component in an option must be added here, or echarts leaves it out.
echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegacyGridContainLabel,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

export interface ChartSize {
  width: number;
  height: number;
}

/** Server-side rendering: no DOM, no canvas; echarts writes the SVG string itself. */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
