import { readFile } from 'node:fs/promises';
import { chartFontFiles } from './chart-fonts.js';

// resvg (2.6 and 2.7-alpha) loses the advance of the second glyph in a cluster, so Devanagari matras
// overlap the next letter ("की बिक्री" renders as "कीबिक्री"). HarfBuzz shapes correctly, so each <text>
// of an echarts SVG is replaced by glyph outlines before rasterising. The SVG kept for browsers is untouched.

type HarfBuzz = typeof import('harfbuzzjs');
type HbFont = InstanceType<HarfBuzz['Font']>;

interface LoadedFont {
  font: HbFont;
  upem: number;
  ascender: number;
  descender: number;
}

interface Shaper {
  hb: HarfBuzz;
  regular: LoadedFont;
  bold: LoadedFont;
}

let shaperPromise: Promise<Shaper> | undefined;

async function loadFont(hb: HarfBuzz, path: string): Promise<LoadedFont> {
  const data = await readFile(path);
  const face = new hb.Face(new hb.Blob(new Uint8Array(data).buffer));
  const font = new hb.Font(face);
  const extents = font.hExtents();
  return { font, upem: face.upem, ascender: extents.ascender, descender: extents.descender };
}

function loadShaper(): Promise<Shaper> {
  shaperPromise ??= (async () => {
    const hb = await import('harfbuzzjs');
    const files = chartFontFiles();
    return { hb, regular: await loadFont(hb, files.regular), bold: await loadFont(hb, files.bold) };
  })();
  return shaperPromise;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

function styleValue(style: string, name: string): string | undefined {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(style)?.[1]?.trim();
}

/** Baseline shift in font units for the SVG dominant-baseline echarts writes. */
function baselineShift(baseline: string | undefined, font: LoadedFont): number {
  switch (baseline) {
    case 'central':
    case 'middle':
      return (font.ascender + font.descender) / 2;
    case 'hanging':
    case 'text-before-edge':
      return font.ascender;
    case 'text-after-edge':
    case 'ideographic':
      return font.descender;
    default:
      return 0;
  }
}

function outlineOne(shaper: Shaper, attributes: string, rawText: string): string {
  const style = attribute(attributes, 'style') ?? '';
  const fontSize = Number.parseFloat(styleValue(style, 'font-size') ?? '12') || 12;
  const weight = styleValue(style, 'font-weight') ?? attribute(attributes, 'font-weight') ?? 'normal';
  const font = weight === 'bold' || Number(weight) >= 600 ? shaper.bold : shaper.regular;
  const text = decodeXml(rawText);

  const buffer = new shaper.hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  shaper.hb.shape(font.font, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();

  const scale = fontSize / font.upem;
  const width = positions.reduce((sum, position) => sum + position.xAdvance, 0);
  const anchor = attribute(attributes, 'text-anchor');
  const startX = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  const x = Number.parseFloat(attribute(attributes, 'x') ?? '0') || 0;
  const y = Number.parseFloat(attribute(attributes, 'y') ?? '0') || 0;
  const shift = baselineShift(attribute(attributes, 'dominant-baseline'), font);

  let pen = startX;
  const paths: string[] = [];
  infos.forEach((info, index) => {
    const position = positions[index]!;
    const d = font.font.glyphToPath(info.codepoint);
    if (d) {
      const gx = pen + position.xOffset;
      const gy = shift - position.yOffset;
      // Font units, y up: one matrix places, scales and flips each glyph.
      const matrix = [scale, 0, 0, -scale, x + gx * scale, y + gy * scale].map((n) => +n.toFixed(3));
      paths.push(`<path transform="matrix(${matrix.join(' ')})" d="${d}"/>`);
    }
    pen += position.xAdvance;
  });

  // Keep presentation attributes (fill, opacity, transform) on a group; drop text-only ones.
  const kept = attributes
    .replace(/\s(?:x|y|dominant-baseline|text-anchor|xml:space|style)="[^"]*"/g, '')
    .trim();
  const fill = styleValue(style, 'fill');
  const fillAttribute = fill && !/\sfill="/.test(` ${kept}`) ? ` fill="${fill}"` : '';
  return `<g ${kept}${fillAttribute}><title>${rawText}</title>${paths.join('')}</g>`;
}

/** Replaces every <text> element of an SVG with HarfBuzz-shaped glyph outlines. */
export async function outlineSvgText(svg: string): Promise<string> {
  const shaper = await loadShaper();
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attributes: string, text: string) =>
    outlineOne(shaper, attributes, text),
  );
}
