import { normaliseText } from '../language/normalise.js';

// Products a shop adds in chat get a catalog id of their own, derived from the name so the same name
// added twice is the same product.

export function customCatalogId(name: string): string {
  const slug = normaliseText(name)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `custom_${slug || 'item'}`;
}

/** Display form of a typed name: trimmed, single-spaced, at most 60 characters. */
export function cleanProductName(name: string): string {
  return name.trim().split(/\s+/).join(' ').slice(0, 60);
}

/** A reply that is just a price: "10", "₹12.50", "12 rs", "15 रुपये". Rupees, or null. */
export function readPriceAnswer(text: string): number | null {
  const match =
    /^(?:₹|rs\.?|inr)?\s*(\d{1,6}(?:\.\d{1,2})?)\s*(?:₹|rs\.?|rupay|rupaye|rupees?|रु\.?|रुपये|रुपए)?$/iu.exec(
      text.trim(),
    );
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return value > 0 ? value : null;
}
