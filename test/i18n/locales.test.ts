import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isLocale, pickLocale } from '../../src/i18n/index.js';

describe('pickLocale', () => {
  it.each([
    // exact, any case, `_` read as `-`
    ['en', 'en'],
    ['de', 'de'],
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['PT_BR', 'pt-BR'],
    ['zh-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    // same language
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['DE-de', 'de'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['ru-RU', 'ru'],
    [' ru ', 'ru'],
    // Traditional Chinese gets English, not the Simplified script
    ['zh-TW', 'en'],
    ['zh-HK', 'en'],
    ['zh-Hant', 'en'],
    ['zh-Hant-TW', 'en'],
    // unknown or missing
    ['fr-FR', 'en'],
    ['ja', 'en'],
    ['', 'en'],
    ['-', 'en'],
    ['e', 'en'],
    ['deutsch', 'en'],
    [undefined, 'en'],
  ] as const)('%j gives %s', (tag, locale) => {
    expect(pickLocale(tag)).toBe(locale);
  });

  it('always returns a supported locale', () => {
    for (const tag of ['x'.repeat(10_000), '\u0000', '🙂', 'pt-🙂', '__proto__', 'constructor']) {
      expect(SUPPORTED_LOCALES).toContain(pickLocale(tag));
    }
  });
});

describe('SUPPORTED_LOCALES', () => {
  it('lists the six languages with English first, the default', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'es', 'pt-BR', 'ru', 'de', 'zh-CN']);
    expect(DEFAULT_LOCALE).toBe('en');
  });

  it('isLocale accepts exactly those', () => {
    for (const locale of SUPPORTED_LOCALES) expect(isLocale(locale)).toBe(true);
    expect(isLocale('pt-br')).toBe(false);
    expect(isLocale('fr')).toBe(false);
  });
});
