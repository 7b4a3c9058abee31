/**
 * User-facing text in every supported language. Import from here: `translate`, `pickLocale`, `errorText`, the
 * `MessageKey` type and friends.
 */
export { SUPPORTED_LOCALES, DEFAULT_LOCALE, isLocale, pickLocale, type Locale } from './locales.js';
export { CATALOGS, errorText, placeholdersOf, sentenceGap, translate } from './translate.js';
export {
  matchCommand,
  parseArgumentCommand,
  type ArgumentCommandMatch,
  type BotCommand,
} from './commands.js';
export type { Catalog, MessageKey, MessageParams, MessagePlaceholder } from './catalog-en.js';
