import { ERROR_CODES } from '../../src/errors.js';
import { en } from '../../src/i18n/catalog-en.js';
import {
  CATALOGS,
  SUPPORTED_LOCALES,
  placeholdersOf,
  translate,
  type MessageKey,
} from '../../src/i18n/index.js';

const englishKeys = Object.keys(en).sort();
const others = SUPPORTED_LOCALES.filter((locale) => locale !== 'en');

/** The placeholder names of a text, as a sorted set (order may change between languages). */
function placeholderSet(text: string): string[] {
  return [...new Set(placeholdersOf(text))].sort();
}

describe('catalogs', () => {
  it('has a catalog for every supported locale, and only those', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it('has a key for every error code', () => {
    for (const code of ERROR_CODES) expect(englishKeys).toContain(code);
  });

  it('has the bot keys the handlers and cards use', () => {
    expect(englishKeys).toEqual(
      expect.arrayContaining([
        'welcome.title',
        'welcome.titleNoName',
        'welcome.body',
        'help.title',
        'help.sendPhoto',
        'help.undo',
        'help.help',
        'help.formats',
        'photo.updated.title',
        'photo.updated.propagation',
        'photo.updated.undo',
        'photo.severalImages',
        'undo.restored',
        'undo.removed',
        'undo.nothingToUndo',
        'signin.title',
        'signin.text',
        'signin.button',
        'signin.done',
        'error.reference',
        'error.generic',
        'local.unknownUser',
      ]),
    );
  });

  describe.each(SUPPORTED_LOCALES)('%s', (locale) => {
    const catalog: Readonly<Record<string, string>> = CATALOGS[locale];

    it('has exactly the English keys', () => {
      // The types already demand this; the runtime check guards against a cast or a spread slipping through.
      expect(Object.keys(catalog).sort()).toEqual(englishKeys);
    });

    it('has no empty or padded text', () => {
      for (const [key, text] of Object.entries(catalog)) {
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
        expect({ key, padded: text !== text.trim() }).toEqual({ key, padded: false });
      }
    });

    it('uses exactly the placeholders English uses, and no stray braces', () => {
      for (const key of englishKeys) {
        const text = catalog[key] ?? '';
        expect({ key, placeholders: placeholderSet(text) }).toEqual({
          key,
          placeholders: placeholderSet(en[key as MessageKey]),
        });
        const withoutPlaceholders = text.replaceAll(/\{[A-Za-z][A-Za-z0-9]*\}/g, '');
        expect({ key, stray: /[{}]/.test(withoutPlaceholders) }).toEqual({ key, stray: false });
      }
    });

    it('keeps the product names untranslated', () => {
      expect(catalog['welcome.titleNoName']).toContain('Teams Photo');
      expect(catalog['welcome.body']).toContain('Microsoft 365');
      expect(catalog.AttachmentHostNotAllowed).toContain('Teams');
    });

    it('tells people to type the command words the bot understands', () => {
      const fold = (text: string): string => text.toLocaleLowerCase('und');
      expect(fold(translate(locale, 'help.undo'))).toContain(fold(translate(locale, 'command.undo')));
      expect(fold(translate(locale, 'help.help'))).toContain(fold(translate(locale, 'command.help')));
    });
  });

  it.each(others)('%s is translated, not English copied over', (locale) => {
    const catalog: Readonly<Record<string, string>> = CATALOGS[locale];
    // Short labels may legitimately coincide with English in some language; whole sentences must not.
    const copied = englishKeys.filter(
      (key) => catalog[key] === en[key as MessageKey] && en[key as MessageKey].length > 20,
    );
    expect(copied).toEqual([]);
  });
});
