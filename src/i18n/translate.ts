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
const PLACEHOLDER = String.raw`\{([A-Za-z][A-Za-z0-9]*)\}`;

/**
 * An ICU plural: `{count, plural, one {# image} other {# images}}`. Branches are `=N` or a CLDR category; a
 * branch's text holds no braces (only `#`, the number), which keeps the grammar to what a regular expression can
 * read and makes a stray brace in a translation stand out in the tests.
 */
const PLURAL = String.raw`\{([A-Za-z][A-Za-z0-9]*), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}`;

/** A plural or a plain placeholder, matched in one pass so nothing inserted is ever read again. */
const TOKEN_PATTERN = new RegExp(`${PLURAL}|${PLACEHOLDER}`, 'g');

/** One branch of a plural: its selector (`one`, `=0`, ...) and its text. */
const BRANCH_PATTERN = /\s*(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The placeholder names in a catalog text, in order (the tests compare them across languages). */
export function placeholdersOf(text: string): string[] {
  return Array.from(text.matchAll(TOKEN_PATTERN), (match) => match[1] ?? match[3] ?? '');
}

/**
 * The branch of a plural for `value` in `locale`: an exact `=N` first, then the locale's CLDR category
 * (`Intl.PluralRules`: Russian 2 is `few`, 5 is `many`, 21 is `one`), then `other`. `#` becomes the number in
 * the locale's digits and grouping.
 */
function pluralText(locale: Locale, branches: string, value: string | number | undefined): string {
  const options = new Map(Array.from(branches.matchAll(BRANCH_PATTERN), (m) => [m[1] ?? '', m[2] ?? '']));
  const count = typeof value === 'number' ? value : Number(value);
  if (value === undefined || value === '' || !Number.isFinite(count)) {
    return (options.get('other') ?? '').replaceAll('#', value === undefined ? '' : String(value));
  }
  const category = new Intl.PluralRules(locale).select(count);
  const text = options.get(`=${count}`) ?? options.get(category) ?? options.get('other') ?? '';
  return text.replaceAll('#', new Intl.NumberFormat(locale).format(count));
}

/**
 * The text for `key` in `locale`, with each `{name}` replaced by `params.name` and each plural resolved.
 *
 * One pass over the catalog text only: a value that itself contains `{other}` is inserted as is and never
 * expanded, and names are looked up as own properties (so `{constructor}` cannot reach `Object.prototype`). A
 * placeholder without a value becomes the empty string rather than showing `{name}` or `undefined` to a person.
 * Values are inserted verbatim: escaping belongs to whatever renders the text (the card builders use plain-text
 * elements for user-supplied values). A locale that is not supported (say, an unchecked cast) gets English.
 */
export function translate<K extends MessageKey>(locale: Locale, key: K, params?: MessageParams<K>): string {
  // The placeholder type is a union of literal names; read it as a plain record for the lookup.
  return render(locale, key, params);
}

function render(locale: Locale, key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const text = CATALOGS[chosen][key];
  const valueOf = (name: string) =>
    values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
  return text.replace(TOKEN_PATTERN, (_match, pluralName?: string, branches?: string, name?: string) => {
    if (pluralName !== undefined) return pluralText(chosen, branches ?? '', valueOf(pluralName));
    const value = valueOf(name ?? '');
    return value === undefined ? '' : String(value);
  });
}

/**
 * The whole answer for an error code: what happened, then what the person can do (`<code>.next`), in English
 * unless a locale is given (the CLI always speaks English). `params` fills the code's placeholders (the file
 * name of `FileNotAnImage`).
 */
export function errorText(
  code: ErrorCode,
  locale: Locale = DEFAULT_LOCALE,
  params?: Readonly<Record<string, string | number>>,
): string {
  const chosen = isLocale(locale) ? locale : DEFAULT_LOCALE;
  return `${render(chosen, code, params)}${sentenceGap(chosen)}${render(chosen, `${code}.next`, params)}`;
}

/**
 * What goes between two sentences in `locale`: Chinese runs sentences together after their full-width stop; the
 * others put a space between them.
 */
export function sentenceGap(locale: Locale): string {
  return locale === 'zh-CN' ? '' : ' ';
}
