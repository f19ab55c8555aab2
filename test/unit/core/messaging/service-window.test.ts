import { describe, expect, it } from 'vitest';
import {
  insideServiceWindow,
  SERVICE_WINDOW_MS,
  templateLanguageFor,
  templateParameter,
} from '../../../../src/core/messaging/service-window.js';

describe('24-hour service window', () => {
  it('is open only within 24 hours of the last message from the user', () => {
    expect(insideServiceWindow(null)).toBe(false);
    expect(insideServiceWindow(0)).toBe(true);
    expect(insideServiceWindow(SERVICE_WINDOW_MS - 1)).toBe(true);
    expect(insideServiceWindow(SERVICE_WINDOW_MS)).toBe(false);
  });

  it('turns a reply into a template parameter WhatsApp accepts', () => {
    expect(templateParameter('Diwali aa rahi hai.\n\n  Chini 20 kg\tmangaiye.\r\n')).toBe(
      'Diwali aa rahi hai. | Chini 20 kg mangaiye.',
    );
    expect(templateParameter('a      b')).toBe('a   b');
    const long = templateParameter('x'.repeat(2_000));
    expect(long).toHaveLength(1_000);
    expect(long.endsWith('…')).toBe(true);
  });

  it('uses the Hindi template for Devanagari text', () => {
    expect(templateLanguageFor('दिवाली आ रही है', 'en')).toBe('hi');
    expect(templateLanguageFor('Diwali aa rahi hai', 'en')).toBe('en');
  });
});
