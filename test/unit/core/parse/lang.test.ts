import { describe, expect, it } from 'vitest';
import { tokenise } from '../../../../src/core/language/tokenise.js';
import { detectLang } from '../../../../src/core/parse/lang.js';

const lang = (text: string) => detectLang(text, tokenise(text));

describe('detectLang', () => {
  it('reads Devanagari as Hindi', () => {
    expect(lang('आज 18 मैगी')).toBe('hi');
    expect(lang('मैगी 5 maggi')).toBe('hi');
  });

  it('tells Hinglish from English by their words', () => {
    expect(lang('aaj 18 maggi, 2 kilo cheeni')).toBe('hi-Latn');
    expect(lang('teen packet maggi')).toBe('hi-Latn');
    expect(lang('kal kitna doodh bikega')).toBe('hi-Latn');
    expect(lang('sold 18 maggi, 2 kg sugar')).toBe('en');
    expect(lang('how many lays should i order for diwali')).toBe('en');
    expect(lang('half kg sugar')).toBe('en');
  });

  it('calls a message with no words of either English', () => {
    expect(lang('18 maggi')).toBe('en');
    expect(lang('')).toBe('en');
  });
});
