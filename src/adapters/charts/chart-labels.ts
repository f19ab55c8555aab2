import { formatRupees, groupIndian } from '../../core/money.js';

// Wording and number formats shared by the chart option builders. Browser-safe: no Node imports.

export type ChartLang = 'en' | 'hi';

/** The family name inside the bundled Noto Sans Devanagari TTF (see chart-fonts.ts). */
export const CHART_FONT_FAMILY = 'Noto Sans Devanagari';

const WORDS = {
  en: {
    total: 'Total',
    sales: 'Sales',
    forecast: 'Forecast',
    range: 'Likely range',
    lakh: 'L',
    units: 'units',
  },
  hi: { total: 'कुल', sales: 'बिक्री', forecast: 'अनुमान', range: 'संभावित दायरा', lakh: ' लाख', units: 'नग' },
} as const;

export function chartWords(lang: ChartLang) {
  return WORDS[lang];
}

/** Font stack for echarts text: the bundled Devanagari font first, so browser and PNG match. */
export const CHART_TEXT_STYLE = { fontFamily: `${CHART_FONT_FAMILY}, sans-serif` } as const;

/** Axis ticks: ₹12,500 up to a lakh, then ₹1.2L / ₹1.2 लाख so labels stay short on a phone. */
export function axisRupees(paise: number, lang: ChartLang): string {
  const rupees = Math.round(paise / 100);
  if (Math.abs(rupees) >= 100_000) {
    const lakhs = Math.round(rupees / 10_000) / 10;
    return `₹${lakhs}${WORDS[lang].lakh}`;
  }
  return `₹${groupIndian(rupees)}`;
}

/** Whole rupees with Indian grouping, for totals and bar labels. */
export function wholeRupees(paise: number): string {
  return formatRupees(Math.round(paise / 100) * 100);
}

const LOCALE: Record<ChartLang, string> = { en: 'en-IN', hi: 'hi-IN' };

// Building an Intl.DateTimeFormat costs far more than formatting with one (it loads locale data), and a
// chart labels every day of its axis: one formatter per language and style, made on first use.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(lang: ChartLang, weekday: boolean): Intl.DateTimeFormat {
  const key = `${lang}:${weekday}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      LOCALE[lang],
      weekday
        ? { weekday: 'short', day: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', timeZone: 'UTC' },
    );
    dayFormats.set(key, format);
  }
  return format;
}

/** '17 Nov' / '17 नव॰'; 'Mon 17' / 'सोम 17' when `weekday` is set. Dates are calendar days, read as UTC. */
export function dayLabel(date: string, lang: ChartLang, weekday: boolean): string {
  return dayFormat(lang, weekday).format(new Date(`${date}T00:00:00Z`));
}
