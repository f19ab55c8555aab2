import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import { packagePath } from '../../package-path.js';

export const LANGUAGES = ['en', 'hi', 'hi-Latn'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Renders reply keys ({ key, params }) from locales/<lang>/<namespace>.json. Keys are "namespace:path". */
export interface Translator {
  t(lang: Language, key: string, params?: Record<string, unknown>): string;
  has(lang: Language, key: string): boolean;
}

function loadResources(directory: string): { resources: Resource; namespaces: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const lang of LANGUAGES) {
    const langDir = join(directory, lang);
    const files = readdirSync(langDir).filter((file) => file.endsWith('.json'));
    const bundle: Record<string, unknown> = {};
    for (const file of files) {
      const namespace = file.slice(0, -'.json'.length);
      namespaces.add(namespace);
      bundle[namespace] = JSON.parse(readFileSync(join(langDir, file), 'utf8'));
    }
    resources[lang] = bundle as Resource[string];
  }
  return { resources, namespaces: [...namespaces] };
}

export function createTranslator(options: { localesDir?: string } = {}): Translator {
  const { resources, namespaces } = loadResources(options.localesDir ?? packagePath('locales'));
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources,
    ns: namespaces,
    defaultNS: 'common',
    lng: 'en',
    // A key missing in Hindi falls back to Hinglish, then English, rather than showing the key itself.
    fallbackLng: { hi: ['hi-Latn', 'en'], 'hi-Latn': ['en'], default: ['en'] },
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return {
    t(lang, key, params) {
      return instance.t(key, { lng: lang, ...(params ?? {}) }) as string;
    },
    has(lang, key) {
      return instance.exists(key, { lng: lang, fallbackLng: false });
    },
  };
}
