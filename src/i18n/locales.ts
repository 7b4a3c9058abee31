/**
 * The languages the bot speaks and how an activity's locale (`activity.locale`, a BCP 47 tag such as `de-AT`)
 * picks one of them.
 */

/** Every supported locale; `en` first, as the default. */
export const SUPPORTED_LOCALES = ['en', 'es', 'pt-BR', 'ru', 'de', 'zh-CN'] as const;

/** A supported locale. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** The locale for anything unknown or missing. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Lowercased tag → locale, for the exact match (`pt-br` → `pt-BR`). */
const EXACT = new Map<string, Locale>(SUPPORTED_LOCALES.map((locale) => [locale.toLowerCase(), locale]));

/** Primary language subtag → the one catalog we have for that language. */
const BY_LANGUAGE = new Map<string, Locale>([
  ['en', 'en'],
  ['es', 'es'],
  ['pt', 'pt-BR'],
  ['ru', 'ru'],
  ['de', 'de'],
  ['zh', 'zh-CN'],
]);

/**
 * Traditional Chinese readers are not served the Simplified catalog: a script mismatch is worse than English
 * (Android and browsers fall back the same way). `zh-Hant` covers any region; the regions are for tags that
 * leave the script implicit (`zh-TW`, `zh-HK`, `zh-MO`).
 */
const TRADITIONAL_CHINESE_SUBTAGS = new Set(['hant', 'tw', 'hk', 'mo']);

/** True when `value` is exactly one of {@link SUPPORTED_LOCALES} (case-sensitive, as typed). */
export function isLocale(value: string): value is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The locale to answer in for an activity's locale: an exact match (case-insensitive, `_` read as `-`), else
 * the catalog for the same language (`pt-PT` → `pt-BR`, `de-AT` → `de`, `zh-Hans` → `zh-CN`), else `en`.
 * Garbage, an empty string or `undefined` give `en`; nothing here throws.
 */
export function pickLocale(activityLocale: string | undefined): Locale {
  if (activityLocale === undefined) return DEFAULT_LOCALE;
  const tag = activityLocale.trim().toLowerCase().replaceAll('_', '-');
  const exact = EXACT.get(tag);
  if (exact !== undefined) return exact;
  const [language = '', ...rest] = tag.split('-');
  if (language === 'zh' && rest.some((subtag) => TRADITIONAL_CHINESE_SUBTAGS.has(subtag))) {
    return DEFAULT_LOCALE;
  }
  return BY_LANGUAGE.get(language) ?? DEFAULT_LOCALE;
}
