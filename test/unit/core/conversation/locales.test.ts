import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../../../src/package-path.js';

// Every reply key the conversation uses must exist in all three registers with the same placeholders;
// a key missing in one would fall back to another language mid-conversation.

const NAMESPACES = ['common', 'conversation', 'onboarding', 'ledger', 'staff', 'catalog'];
const LANGS = ['en', 'hi', 'hi-Latn'];

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  return out;
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]))].sort();

describe.each(NAMESPACES)('locales/%s.json', (namespace) => {
  const bundles = LANGS.map((lang) =>
    flatten(JSON.parse(readFileSync(packagePath('locales', lang, `${namespace}.json`), 'utf8'))),
  );

  it('has the same keys and placeholders in en, hi and hi-Latn', () => {
    const [en, ...others] = bundles;
    for (const other of others) {
      expect([...other!.keys()].sort()).toEqual([...en!.keys()].sort());
      for (const [key, text] of en!) expect(placeholders(other!.get(key) ?? '')).toEqual(placeholders(text));
    }
  });

  it('writes Hindi in Devanagari and Hinglish in Latin letters', () => {
    const [, hi, hiLatn] = bundles;
    const share = (bundle: Map<string, string>) =>
      [...bundle.values()].filter((text) => /[\u0900-\u097F]/u.test(text)).length / bundle.size;
    expect(share(hi!)).toBeGreaterThan(0.5);
    // Only the language menu ("2) हिंदी") may show a Devanagari word to a Hinglish reader.
    for (const text of hiLatn!.values())
      expect(text.match(/[\u0900-\u097F]+/gu)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
