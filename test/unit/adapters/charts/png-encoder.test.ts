import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderSalesChartSvg } from '../../../../src/adapters/charts/index.js';
import { encodeRgbaPng } from '../../../../src/adapters/charts/png-encoder.js';
import { outlineSvgText } from '../../../../src/adapters/charts/text-outliner.js';
import { WEEK_REVENUE } from './week-fixture.js';

// The encoder is checked against an independent decoder (pngjs), which verifies every chunk's CRC and the
// zlib stream as it reads.

function gradient(width: number, height: number): Buffer {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels.set([(i * 7) % 256, (i * 13) % 256, (i * 31) % 256, 255 - (i % 17)], i * 4);
  }
  return pixels;
}

describe('encodeRgbaPng', () => {
  it('writes a PNG that decodes to the same pixels', () => {
    for (const [width, height] of [
      [1, 1],
      [3, 2],
      [37, 11],
    ] as const) {
      const pixels = gradient(width, height);
      const decoded = PNG.sync.read(encodeRgbaPng(pixels, width, height));
      expect({ width: decoded.width, height: decoded.height }).toEqual({ width, height });
      expect(Buffer.from(decoded.data).equals(pixels)).toBe(true);
    }
  });

  it('refuses pixels that do not fill the size given', () => {
    expect(() => encodeRgbaPng(Buffer.alloc(4 * 6 - 1), 3, 2)).toThrow(/expected 24 bytes/);
    expect(() => encodeRgbaPng(Buffer.alloc(0), 0, 0)).toThrow(/positive whole pixels/);
    expect(() => encodeRgbaPng(Buffer.alloc(8), 1.5, 1)).toThrow(/positive whole pixels/);
  });

  it("draws a chart pixel for pixel as resvg's own encoder does, in a file no larger", async () => {
    const svg = await outlineSvgText(
      renderSalesChartSvg({ days: [...WEEK_REVENUE], title: 'इस हफ़्ते', lang: 'hi' }),
    );
    const image = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: false } }).render();
    const ours = encodeRgbaPng(image.pixels, image.width, image.height);
    const theirs = image.asPng();
    const decodedOurs = PNG.sync.read(ours);
    expect(Buffer.from(decodedOurs.data).equals(Buffer.from(PNG.sync.read(theirs).data))).toBe(true);
    expect(ours.length).toBeLessThanOrEqual(theirs.length * 1.1);
  });
});
