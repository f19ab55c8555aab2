import { ASSET_PATHS } from '../asset-paths.js';

// Browser module: draws every element with data-chart using the app's own option builders (the same ones
// the WhatsApp PNGs use), after the Devanagari font has loaded so labels measure right.

export const CHARTS_SCRIPT = `
import { forecastChartOption } from '${ASSET_PATHS.modules}/adapters/charts/forecast-chart-option.js';
import { salesChartOption } from '${ASSET_PATHS.modules}/adapters/charts/sales-chart-option.js';

const builders = { forecast: forecastChartOption, sales: salesChartOption };

async function draw() {
  try {
    await document.fonts.load('14px "Noto Sans Devanagari"');
  } catch {}
  for (const element of document.querySelectorAll('[data-chart]')) {
    const build = builders[element.dataset.chart];
    if (!build || !window.echarts) continue;
    const chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(build(JSON.parse(element.dataset.input)));
    new ResizeObserver(() => chart.resize()).observe(element);
    element.dataset.ready = 'true';
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
else draw();
`;
