import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ForecastChartInput,
  renderForecastChartPng,
  renderForecastChartSvg,
  renderSalesChartPng,
  renderSalesChartSvg,
  svgToPng,
} from '../../../../src/adapters/charts/index.js';
import { createTextOutliner, outlineSvgText } from '../../../../src/adapters/charts/text-outliner.js';
import { WEEK_REVENUE } from './week-fixture.js';

// PNGs are also written to test-artifacts/charts/ so a person can look at them.
const ARTIFACTS = 'test-artifacts/charts';

const days = [...WEEK_REVENUE];

const FORECAST: ForecastChartInput = {
  history: Array.from({ length: 21 }, (_, i) => ({
    date: `2026-10-${String(i + 8).padStart(2, '0')}`,
    units: 10 + (i % 7 >= 5 ? 4 : 0),
  })),
  forecast: Array.from({ length: 14 }, (_, i) => {
    const p50 = i >= 4 && i <= 10 ? 27 : 12;
    return {
      date: new Date(Date.UTC(2026, 9, 29 + i)).toISOString().slice(0, 10),
      p10: p50 * 0.7,
      p50,
      p90: p50 * 1.35,
    };
  }),
  festivals: [{ date: '2026-11-08', name: 'दिवाली' }],
  title: 'लेज़: अगले 14 दिन',
  lang: 'hi',
};

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function save(name: string, png: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/${name}`, png);
}

describe('chart rendering', () => {
  it('puts the Hindi labels into the SVG', () => {
    const svg = renderSalesChartSvg({ days, title: 'इस हफ़्ते की बिक्री', lang: 'hi' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('इस हफ़्ते की बिक्री');
    expect(svg).toContain('कुल ₹18,411');
    expect(svg).toContain('शनि 21');
  });

  it('renders a report chart to PNG with the Devanagari title drawn', async () => {
    const png = await renderSalesChartPng({ days, title: 'इस हफ़्ते की बिक्री', lang: 'hi' });
    save('sales-week-hi.png', png);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
    const untitled = await renderSalesChartPng({ days, title: '', lang: 'hi' });
    expect(untitled.equals(png)).toBe(false);
  });

  it('renders a forecast chart to PNG at the asked size', async () => {
    const png = await renderForecastChartPng(FORECAST, { width: 1000, height: 500 });
    save('forecast-hi.png', png);
    expect(pngSize(png)).toEqual({ width: 1000, height: 500 });
  });

  it('draws every part of the forecast option (echarts registers only the parts the charts use)', () => {
    const svg = renderForecastChartSvg(FORECAST);
    // Title, legend entries, the festival's mark line label, the unit axis name and both series' paths.
    for (const text of ['लेज़: अगले 14 दिन', 'बिक्री', 'अनुमान', 'संभावित दायरा', 'दिवाली', 'नग']) {
      expect(svg).toContain(`>${text}</text>`);
    }
    expect(svg).toContain('stroke="#3b5bdb"');
    expect(svg).toContain('stroke="#e8590c"');
    expect(svg).toContain('stroke-dasharray');
  });

  it('keeps the space after a matra when outlining text (resvg alone drops it)', async () => {
    const line = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg"><text style="font-size:20px;" x="0" y="20">${text}</text></svg>`;
    const lastGlyphX = (svg: string) => {
      const matrices = [...svg.matchAll(/matrix\(([^)]+)\)/g)].map((m) => m[1]!.split(' ').map(Number));
      return matrices.at(-1)![4]!;
    };
    const spaced = await outlineSvgText(line('की बिक्री'));
    const joined = await outlineSvgText(line('कीबिक्री'));
    expect(spaced).not.toContain('<text');
    expect(spaced).toContain('<title>की बिक्री</title>');
    // The spaced word ends one space-width (about a quarter of the font size) further right.
    expect(lastGlyphX(spaced) - lastGlyphX(joined)).toBeGreaterThan(3);
  });

  it('outlines the same with its caches as without them, and keeps no more texts than asked', async () => {
    const week = renderSalesChartSvg({ days, title: 'इस हफ़्ते की बिक्री', lang: 'hi' });
    const forecast = renderForecastChartSvg(FORECAST);
    const uncached = createTextOutliner({ cachedTexts: 0 });
    const cached = createTextOutliner();
    const small = createTextOutliner({ cachedTexts: 3 });
    for (const svg of [week, forecast, week]) {
      const expected = await uncached.outline(svg);
      expect(expected).not.toContain('<text');
      expect(await cached.outline(svg)).toBe(expected);
      expect(await small.outline(svg)).toBe(expected);
    }
    expect(uncached.cached()).toEqual({ texts: 0, glyphs: 0 });
    const kept = cached.cached();
    expect(kept.texts).toBeGreaterThan(30);
    expect(kept.glyphs).toBeGreaterThan(30);
    // The second week came from the cache: nothing new was shaped.
    await cached.outline(week);
    expect(cached.cached()).toEqual(kept);
    expect(small.cached().texts).toBe(3);
  });

  it('still draws text the outliner leaves with the bundled font', async () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40">` +
      `<text x="10" y="28" style="font-size:20px;"><tspan>${text}</tspan></text></svg>`;
    const blank = await svgToPng(svg(''));
    const drawn = await svgToPng(svg('कुल ₹18,411'));
    expect(drawn.equals(blank)).toBe(false);
  });
});
