import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Translator } from '../../adapters/i18n/translator.js';
import type { Viewer } from '../../app/dashboard/sessions.js';
import { groupIndian } from '../../core/money.js';

// What a page template needs besides its data: the language, a translator bound to it, and number and
// date formats. The dashboard speaks English and Hindi (Devanagari); Hinglish shops default to English.

export type DashLang = 'en' | 'hi';
export const LANG_COOKIE = 'bm_lang';

export interface PageContext {
  lang: DashLang;
  t(key: string, params?: Record<string, unknown>): string;
  /** Current path and query, for the language switch to come back to. */
  path: string;
  viewer?: Viewer;
}

export function chooseLang(c: Context, viewer?: Viewer): DashLang {
  const cookie = getCookie(c, LANG_COOKIE);
  if (cookie === 'en' || cookie === 'hi') return cookie;
  return viewer?.shop.language === 'hi' ? 'hi' : 'en';
}

export function pageContext(c: Context, translator: Translator, viewer?: Viewer): PageContext {
  const lang = chooseLang(c, viewer);
  const url = new URL(c.req.url);
  return {
    lang,
    t: (key, params) => translator.t(lang, `dashboard:${key}`, params),
    path: url.pathname + url.search,
    ...(viewer ? { viewer } : {}),
  };
}

/** Quantities as a shopkeeper writes them: whole numbers grouped the Indian way, else one decimal. */
export function formatQuantity(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (Number.isInteger(rounded)) return groupIndian(rounded);
  const whole = Math.trunc(rounded);
  return `${groupIndian(whole)}.${Math.abs(Math.round((rounded - whole) * 10))}`;
}

export function formatPercent(value: number): string {
  const sign = value > 0 ? '▲' : value < 0 ? '▼' : '';
  return `${sign} ${Math.abs(value)}%`.trim();
}

const LOCALES: Record<DashLang, string> = { en: 'en-IN', hi: 'hi-IN' };

/** '17 Nov' / '17 नव॰' (with the year when asked); calendar days are read as UTC so no zone shifts them. */
export function formatDay(date: string, lang: DashLang, withYear = false): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatTimestamp(at: Date, lang: DashLang, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

export function productName(names: { en: string; hi: string }, lang: DashLang): string {
  return lang === 'hi' ? names.hi : names.en;
}

/** 'packet' / 'पैकेट': the catalog's unit in the page's language. */
export function unitName(ctx: PageContext, unit: string): string {
  return ctx.t(`units.${unit}`, { defaultValue: unit });
}
