import { ERROR_CODES } from '../../src/errors.js';
import { en } from '../../src/i18n/catalog-en.js';
import {
  CATALOGS,
  SUPPORTED_LOCALES,
  errorText,
  placeholdersOf,
  translate,
  type MessageKey,
} from '../../src/i18n/index.js';

const englishKeys = Object.keys(en).sort();
/** An ICU plural (see translate.ts), removed before looking for stray braces. */
const PLURAL =
  /\{[A-Za-z][A-Za-z0-9]*, plural,(?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+\s*\}/g;
/** The end of a sentence: a full stop, question or exclamation mark, Latin or full-width (maybe after a quote). */
const SENTENCE_END = /[.!?。！？][”"»）)]?$/u;
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
        const withoutPlaceholders = text.replaceAll(PLURAL, '').replaceAll(/\{[A-Za-z][A-Za-z0-9]*\}/g, '');
        expect({ key, stray: /[{}]/.test(withoutPlaceholders) }).toEqual({ key, stray: false });
      }
    });

    it('follows every error code, including ones added later, with what the person can do next', () => {
      // ERROR_CODES is the real list, so a code someone adds is checked here without touching this test.
      for (const code of ERROR_CODES) {
        const what = catalog[code] ?? '';
        const next = catalog[`${code}.next`] ?? '';
        expect({ code, what: what.trim() !== '', next: next.trim() !== '' }).toEqual({
          code,
          what: true,
          next: true,
        });
        expect({ code, repeated: next === what }).toEqual({ code, repeated: false });
        // Each part is a whole sentence, so the joined answer reads as two.
        expect({ code, whatEnds: SENTENCE_END.test(what), nextEnds: SENTENCE_END.test(next) }).toEqual({
          code,
          whatEnds: true,
          nextEnds: true,
        });
        expect(errorText(code, locale, { name: 'x' })).toContain(translate(locale, `${code}.next`));
      }
    });

    it('never lets a number break from its unit', () => {
      for (const [key, text] of Object.entries(catalog)) {
        // "Microsoft 365" is a name followed by ordinary words, not a number with its unit.
        const broken = text.replaceAll('Microsoft 365 ', '').match(/(?:\d|\{count\}|#) \p{L}/u);
        expect({ key, broken: broken?.[0] ?? null }).toEqual({ key, broken: null });
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
