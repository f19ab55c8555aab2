import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-fonts.js';
import { outlineSvgText } from './text-outliner.js';

export interface SvgToPngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Defaults to the SVG's own width. */
  width?: number;
  background?: string;
}

/**
 * Rasterises a chart SVG. Text is outlined with HarfBuzz first (see text-outliner.ts); resvg still gets
 * the bundled font and no system fonts, so anything left as text renders the same on every machine.
 */
export async function svgToPng(svg: string, options: SvgToPngOptions = {}): Promise<Buffer> {
  const files = chartFontFiles();
  const resvg = new Resvg(await outlineSvgText(svg), {
    background: options.background ?? '#ffffff',
    fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
    font: {
      fontFiles: [files.regular, files.bold],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
