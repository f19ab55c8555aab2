import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-fonts.js';
import { encodeRgbaPng } from './png-encoder.js';
import { outlineSvgText } from './text-outliner.js';

export interface SvgToPngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Defaults to the SVG's own width. */
  width?: number;
}

// Always opaque: resvg's pixels are premultiplied by alpha, which equals plain RGBA, the encoder's input,
// only where every pixel is opaque (and a chart sent as a photo has no use for transparency).
const BACKGROUND = '#ffffff';

/** Anything left as text draws with the bundled font only, the same on every machine. */
function fontsFor(svg: string): ResvgRenderOptions['font'] {
  // Loading the two font files into resvg's font database cost more than parsing the whole chart; an
  // echarts SVG has no text left once outlined, so it is skipped then.
  if (!svg.includes('<text')) return { loadSystemFonts: false };
  const files = chartFontFiles();
  return {
    fontFiles: [files.regular, files.bold],
    loadSystemFonts: false,
    defaultFontFamily: CHART_FONT_FAMILY,
    sansSerifFamily: CHART_FONT_FAMILY,
  };
}

/**
 * Rasterises a chart SVG. Text is outlined with HarfBuzz first (see text-outliner.ts); resvg gets the
 * bundled font, and no system fonts, only for text the outliner left. The PNG is written by png-encoder.ts.
 */
export async function svgToPng(svg: string, options: SvgToPngOptions = {}): Promise<Buffer> {
  const outlined = await outlineSvgText(svg);
  const resvg = new Resvg(outlined, {
    background: BACKGROUND,
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    font: fontsFor(outlined),
  });
  const image = resvg.render();
  return encodeRgbaPng(image.pixels, image.width, image.height);
}
