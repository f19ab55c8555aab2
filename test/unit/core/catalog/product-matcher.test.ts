import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../../../../src/core/catalog/default-catalog.js';
import { createProductMatcher } from '../../../../src/core/catalog/product-matcher.js';

const matcher = createProductMatcher({ products: DEFAULT_CATALOG });
const id = (word: string): string | null => matcher.match(word).productId;

describe('createProductMatcher', () => {
  it('matches names in all three registers', () => {
    expect(id('sugar')).toBe('sugar');
    expect(id('cheeni')).toBe('sugar');
    expect(id('चीनी')).toBe('sugar');
    expect(id('doodh')).toBe('milk');
    expect(id('दूध')).toBe('milk');
    expect(id('ande')).toBe('eggs');
  });

  it('maps brands to the item the shop sells them as', () => {
    expect(id('amul doodh')).toBe('milk');
    expect(id('surf excel')).toBe('detergent');
    expect(id('parle-g')).toBe('biscuits');
    expect(id('Parle G')).toBe('biscuits');
    expect(id('dairy milk')).toBe('chocolate');
    expect(id('colgate')).toBe('toothpaste');
    expect(id('thums up')).toBe('cold_drink');
  });

  it('tolerates typos and spelling variants', () => {
    for (const [typo, product] of [
      ['maggie', 'maggi'],
      ['magi', 'maggi'],
      ['kurkre', 'kurkure'],
      ['biscut', 'biscuits'],
      ['chini', 'sugar'],
      ['dudh', 'milk'],
      ['panir', 'paneer'],
      ['shampo', 'shampoo'],
      ['tothpaste', 'toothpaste'],
      ['detergant', 'detergent'],
    ] as const) {
      const result = matcher.match(typo);
      expect(result.productId, typo).toBe(product);
      if (result.productId !== null) expect(result.confidence).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('reports unknown words with candidates instead of guessing', () => {
    const magic = matcher.match('magic');
    expect(magic.productId).toBeNull();
    if (magic.productId === null) expect(magic.candidates).toContain('maggi');
    expect(id('paracetamol')).toBeNull();
    expect(id('xyzzy')).toBeNull();
    expect(id('raise')).toBeNull();
    expect(id('')).toBeNull();
  });

  it('lets a shop add products and aliases at run time, aliases winning over the catalog', () => {
    const shop = createProductMatcher({
      products: [
        ...DEFAULT_CATALOG,
        {
          id: 'magic_masala',
          names: { en: 'Magic Masala', hi: 'मैजिक मसाला', 'hi-Latn': 'magic masala' },
          aliases: [],
        },
      ],
      aliases: [
        { alias: 'magic', productId: 'maggi' },
        { alias: 'masala', productId: 'magic_masala' },
      ],
    });
    expect(shop.match('magic')).toEqual({ productId: 'maggi', confidence: 1 });
    expect(shop.match('magic masala').productId).toBe('magic_masala');
    expect(shop.match('masala').productId).toBe('magic_masala');
    expect(shop.exact('मैजिक मसाला')).toBe('magic_masala');
    // The default matcher is untouched.
    expect(id('magic')).toBeNull();
  });

  it('respects a stricter threshold', () => {
    const strict = createProductMatcher({ products: DEFAULT_CATALOG, threshold: 0.95 });
    expect(strict.match('detergant').productId).toBeNull();
    expect(strict.match('kurkure').productId).toBe('kurkure');
  });

  it('refuses everyday words however close they sound to a product', () => {
    // "send" sounds like sendha (rock salt); an English sentence must not become a rock-salt sale.
    for (const word of [
      'send',
      'sent',
      'please',
      'total',
      'order',
      'check',
      'bhejo',
      'hisab',
      'भेजो',
      'दुकान',
    ]) {
      expect(id(word), word).toBeNull();
      expect(matcher.exact(word), word).toBeNull();
    }
    // An exact catalog name still wins even when it is an everyday word elsewhere.
    expect(id('water')).toBe('water');
  });

  it('reads English plurals and letters typed twice', () => {
    expect(id('cakes')).toBe('cake');
    expect(id('candles')).toBe('candles');
    expect(id('magii')).toBe('maggi');
    expect(id('maggii')).toBe('maggi');
    expect(id('sales')).toBeNull();
  });

  it('offers only the close candidates for an unknown word', () => {
    // Three far-off products before "new product" make a shopkeeper read a list of wrong answers.
    expect(matcher.match('magic')).toEqual({ productId: null, candidates: ['maggi'] });
    const samosa = matcher.match('samosa');
    expect(samosa.productId).toBeNull();
    if (samosa.productId === null) expect(samosa.candidates.length).toBeLessThanOrEqual(1);
  });
});
