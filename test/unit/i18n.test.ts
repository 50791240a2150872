import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { negotiateLocale, translator } from '../../src/lib/i18n.js';

describe('dictionaries', () => {
  it('English has exactly the Japanese keys, none empty, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [key, text] of Object.entries(ja)) {
      const english = en[key as keyof typeof en];
      expect(english.trim(), key).not.toBe('');
      // A parameter may come in one form per language ({moduleJa} / {moduleEn}).
      const placeholders = (s: string) =>
        (s.match(/\{\w+\}/g) ?? []).map((p) => p.replace(/(Ja|En)\}$/, '}')).sort();
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('fills placeholders', () => {
    expect(translator('ja')('home.welcome', { name: '鈴木' })).toBe('鈴木さん、こんにちは。');
    expect(translator('en')('home.welcome', { name: 'Keiko' })).toBe('Hello, Keiko.');
  });
});

describe('locale negotiation', () => {
  it.each([
    [null, undefined, undefined, 'ja'],
    [null, undefined, 'en-US,en;q=0.9', 'en'],
    [null, undefined, 'fr-FR,en;q=0.5,ja;q=0.8', 'ja'],
    [null, 'en', 'ja', 'en'],
    ['ja', 'en', 'en', 'ja'],
    [null, 'xx', 'de', 'ja'],
    [null, undefined, 'en;q=0', 'ja'],
  ] as const)('user %s, cookie %s, header %s → %s', (user, cookie, header, expected) => {
    expect(negotiateLocale(user, cookie, header)).toBe(expected);
  });
});
