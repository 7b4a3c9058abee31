/**
 * The Teams page's language: `?locale=` when the address has one (Teams fills `{locale}` in the tab's address with
 * the language its user interface is in), else the browser's `Accept-Language`, else English. The same mapping
 * as the bot's (`pickLocale`), so a person reads the page in the language the bot answers them in.
 */
import { DEFAULT_LOCALE, pickLocale, type Locale } from '../i18n/index.js';

/** More entries than any browser sends; a longer header is read no further. */
const MAX_LANGUAGE_RANGES = 32;

/** One entry of Accept-Language: `de-DE;q=0.8` → `{ tag: 'de-DE', q: 0.8 }`; malformed weights count as 0. */
function languageRanges(header: string): { tag: string; q: number }[] {
  return header
    .split(',')
    .slice(0, MAX_LANGUAGE_RANGES)
    .map((entry) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const weight = parameters.find((p) => /^q=/i.test(p));
      const q = weight === undefined ? 1 : Number(weight.slice(2));
      return { tag, q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0 };
    })
    .filter((range) => range.tag !== '' && range.tag !== '*' && range.q > 0);
}

/** True when the bot has a catalog for `tag`'s language (not just the English fallback). */
function speaks(tag: string): boolean {
  return pickLocale(tag) !== DEFAULT_LOCALE || /^en(?:[-_]|$)/i.test(tag);
}

/**
 * The locale of a browser's `Accept-Language`: the most preferred language the bot speaks (by weight, ties in the
 * order sent), else English. `fr, de;q=0.8` gives `de`; `zh-TW, en;q=0.5` gives `en` (Traditional Chinese readers
 * are not served the Simplified catalog, as in `pickLocale`).
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (header === undefined) return DEFAULT_LOCALE;
  const ranges = languageRanges(header);
  // Array.prototype.sort is stable, so equal weights keep the order the browser sent.
  ranges.sort((a, b) => b.q - a.q);
  const spoken = ranges.find((range) => speaks(range.tag));
  return spoken === undefined ? DEFAULT_LOCALE : pickLocale(spoken.tag);
}

/** The page's locale: a non-empty `?locale=` wins (mapped like an activity's locale), else Accept-Language. */
export function pageLocale(
  queryLocale: string | null | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (queryLocale !== null && queryLocale !== undefined && queryLocale.trim() !== '') {
    return pickLocale(queryLocale);
  }
  return localeFromAcceptLanguage(acceptLanguage);
}
