/**
 * Turns a message key (or an error code) into text in a locale, filling `{placeholders}`.
 */
import type { ErrorCode } from '../errors.js';
import { de } from './catalog-de.js';
import { en, type Catalog, type MessageKey, type MessageParams } from './catalog-en.js';
import { es } from './catalog-es.js';
import { ptBR } from './catalog-pt-br.js';
import { ru } from './catalog-ru.js';
import { zhCN } from './catalog-zh-cn.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js';

/** Every catalog by locale. Frozen: a catalog is shared by every turn, so no caller may change it. */
export const CATALOGS: Readonly<Record<Locale, Readonly<Catalog>>> = Object.freeze({
  en: Object.freeze(en),
  es: Object.freeze(es),
  'pt-BR': Object.freeze(ptBR),
  ru: Object.freeze(ru),
  de: Object.freeze(de),
  'zh-CN': Object.freeze(zhCN),
});

/** A placeholder: `{` + a name + `}`. */
const PLACEHOLDER_PATTERN = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names in a catalog text, in order (the tests compare them across languages). */
export function placeholdersOf(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER_PATTERN), (match) => match[1] ?? '');
}

/**
 * The text for `key` in `locale`, with each `{name}` replaced by `params.name`.
 *
 * One pass over the catalog text only: a value that itself contains `{other}` is inserted as is and never
 * expanded, and names are looked up as own properties (so `{constructor}` cannot reach `Object.prototype`). A
 * placeholder without a value becomes the empty string rather than showing `{name}` or `undefined` to a person.
 * Values are inserted verbatim: escaping belongs to whatever renders the text (the card builders use plain-text
 * elements for user-supplied values). A locale that is not supported (say, an unchecked cast) gets English.
 */
export function translate<K extends MessageKey>(locale: Locale, key: K, params?: MessageParams<K>): string {
  const catalog = isLocale(locale) ? CATALOGS[locale] : CATALOGS[DEFAULT_LOCALE];
  const text = catalog[key];
  // The placeholder type is a union of literal names; read it as a plain record for the lookup.
  const values: Readonly<Record<string, string | number>> | undefined = params;
  return text.replace(PLACEHOLDER_PATTERN, (_match, name: string) => {
    const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? '' : String(value);
  });
}

/** The sentence for an error code, in English unless a locale is given (the CLI always speaks English). */
export function errorText(code: ErrorCode, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, code);
}
