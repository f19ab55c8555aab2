import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CHART_FONT_FAMILY } from './chart-labels.js';

// The chart font ships inside an npm package, so PNGs never depend on what fonts a machine happens to have
// (this one has none that draw Devanagari). Noto Sans Devanagari also covers Latin, digits and ₹.

export { CHART_FONT_FAMILY };

export interface ChartFontFiles {
  regular: string;
  bold: string;
}

let cached: ChartFontFiles | undefined;

export function chartFontFiles(): ChartFontFiles {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('@expo-google-fonts/noto-sans-devanagari/package.json'));
  cached = {
    regular: join(root, '400Regular', 'NotoSansDevanagari_400Regular.ttf'),
    bold: join(root, '700Bold', 'NotoSansDevanagari_700Bold.ttf'),
  };
  return cached;
}
