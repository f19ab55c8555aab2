import * as echarts from 'echarts';

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
