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

type Weight = 'regular' | 'bold';

interface Shaper extends Record<Weight, LoadedFont> {
  hb: HarfBuzz;
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

/** A text shaped in one weight: glyphs placed in font units from the pen's start, and the total advance. */
interface ShapedText {
  glyphs: ReadonlyArray<{ id: number; x: number; y: number }>;
  width: number;
}

export interface TextOutlinerOptions {
  /**
   * How many shaped texts (per text and weight, at any size) to keep, least recently used dropped first;
   * 0 shapes every text again. Glyph outlines are kept per glyph whenever this is above 0 (a font has a
   * few hundred glyphs). Default 2,000: a chart has 15-60 labels, most of them (days, axis steps, words)
   * the same from one chart to the next.
   */
  cachedTexts?: number;
}

export interface TextOutliner {
  /** Replaces every <text> element of an SVG with HarfBuzz-shaped glyph outlines. */
  outline(svg: string): Promise<string>;
  /** How many shaped texts and glyph outlines are kept now. */
  cached(): { texts: number; glyphs: number };
}

/**
 * Shaping a label and asking HarfBuzz for each glyph's outline (a callback from WebAssembly per curve)
 * was most of the outlining time, and a report chart repeats its day names, axis steps and words from one
 * chart to the next: both are kept, so a label seen before costs only its placement.
 */
export function createTextOutliner(options: TextOutlinerOptions = {}): TextOutliner {
  const capacity = options.cachedTexts ?? 2_000;
  const shapedTexts = new Map<string, ShapedText>();
  const glyphPaths = new Map<string, string>();

  function shape(shaper: Shaper, weight: Weight, text: string): ShapedText {
    const key = `${weight}\u0000${text}`;
    const kept = shapedTexts.get(key);
    if (kept) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
      shapedTexts.delete(key);
      shapedTexts.set(key, kept);
      return kept;
    }
    const buffer = new shaper.hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    shaper.hb.shape(shaper[weight].font, buffer);
    const positions = buffer.getGlyphPositions();
    let pen = 0;
    const glyphs = buffer.getGlyphInfos().map((info, index) => {
      const position = positions[index]!;
      const glyph = { id: info.codepoint, x: pen + position.xOffset, y: -position.yOffset };
      pen += position.xAdvance;
      return glyph;
    });
    const shaped = { glyphs, width: pen };
    if (capacity > 0) {
      shapedTexts.set(key, shaped);
      if (shapedTexts.size > capacity) shapedTexts.delete(shapedTexts.keys().next().value!);
    }
    return shaped;
  }

  function glyphPath(font: LoadedFont, weight: Weight, id: number): string {
    if (capacity === 0) return font.font.glyphToPath(id);
    const key = `${weight}:${id}`;
    let d = glyphPaths.get(key);
    if (d === undefined) {
      d = font.font.glyphToPath(id);
      glyphPaths.set(key, d);
    }
    return d;
  }

  function outlineOne(shaper: Shaper, attributes: string, rawText: string): string {
    const style = attribute(attributes, 'style') ?? '';
    const fontSize = Number.parseFloat(styleValue(style, 'font-size') ?? '12') || 12;
    const declared = styleValue(style, 'font-weight') ?? attribute(attributes, 'font-weight') ?? 'normal';
    const weight: Weight = declared === 'bold' || Number(declared) >= 600 ? 'bold' : 'regular';
    const font = shaper[weight];
    const shaped = shape(shaper, weight, decodeXml(rawText));

    const scale = fontSize / font.upem;
    const anchor = attribute(attributes, 'text-anchor');
    const startX = anchor === 'middle' ? -shaped.width / 2 : anchor === 'end' ? -shaped.width : 0;
    const x = Number.parseFloat(attribute(attributes, 'x') ?? '0') || 0;
    const y = Number.parseFloat(attribute(attributes, 'y') ?? '0') || 0;
    const shift = baselineShift(attribute(attributes, 'dominant-baseline'), font);

    const paths: string[] = [];
    for (const glyph of shaped.glyphs) {
      const d = glyphPath(font, weight, glyph.id);
      if (!d) continue;
      const gx = startX + glyph.x;
      const gy = shift + glyph.y;
      // Font units, y up: one matrix places, scales and flips each glyph.
      const matrix = [scale, 0, 0, -scale, x + gx * scale, y + gy * scale].map((n) => +n.toFixed(3));
      paths.push(`<path transform="matrix(${matrix.join(' ')})" d="${d}"/>`);
    }

    // Keep presentation attributes (fill, opacity, transform) on a group; drop text-only ones.
    const kept = attributes
      .replace(/\s(?:x|y|dominant-baseline|text-anchor|xml:space|style)="[^"]*"/g, '')
      .trim();
    const fill = styleValue(style, 'fill');
    const fillAttribute = fill && !/\sfill="/.test(` ${kept}`) ? ` fill="${fill}"` : '';
    return `<g ${kept}${fillAttribute}><title>${rawText}</title>${paths.join('')}</g>`;
  }

  return {
    async outline(svg) {
      const shaper = await loadShaper();
      return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attributes: string, text: string) =>
        outlineOne(shaper, attributes, text),
      );
    },
    cached: () => ({ texts: shapedTexts.size, glyphs: glyphPaths.size }),
  };
}

const sharedOutliner = createTextOutliner();

/** Replaces every <text> element of an SVG with HarfBuzz-shaped glyph outlines (one outliner per process). */
export function outlineSvgText(svg: string): Promise<string> {
  return sharedOutliner.outline(svg);
}
