/**
 * Writes the app package's text from the bot's catalogs (src/i18n), so nobody edits it by hand: the English
 * names, descriptions, command lists and messaging extension in `appPackage/manifest.json` (with the bot's scopes,
 * which the command lists follow), and one `appPackage/<lang>.json` per other language the bot speaks. Everything
 * else in manifest.json is left as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BOT_SCOPES } from '../bot/bot-commands.js';
import { CATALOGS, DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '../i18n/index.js';
import { commandLists, composeExtensions, localizableStrings } from './manifest-commands.js';
import { staticTabs } from './static-tabs.js';

/** The manifest schema version the package is written for (the newest stable one in @microsoft/app-manifest). */
export const MANIFEST_VERSION = '1.30';

/** The `$schema` of manifest.json and of each localization file. */
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

/** Appended to the short name: the Toolkit fills it per environment (`local`, `dev`), empty in production. */
const NAME_SUFFIX = '${{APP_NAME_SUFFIX}}';

/** The languages with a localization file: every supported locale but the manifest's own (English). */
export const ADDITIONAL_LANGUAGES: readonly Locale[] = SUPPORTED_LOCALES.filter((l) => l !== DEFAULT_LOCALE);

/** The file of a language's strings, relative to appPackage/. */
export function languageFile(locale: Locale): string {
  return `${locale}.json`;
}

/** A manifest as JSON: only the parts this module writes are typed. */
export type Manifest = Record<string, unknown>;

/**
 * The manifest with its strings in `locale`: names and descriptions, the personal tab, the bot's scopes and command
 * lists, the messaging extension, and localizationInfo. Everything else in it is kept as it is.
 */
function withStrings(manifest: Manifest, locale: Locale): Manifest {
  const catalog = CATALOGS[locale];
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Record<string, unknown>[]) : [];
  const [bot, ...otherBots] = bots;
  return {
    ...manifest,
    name: { short: `${catalog['app.name.short']}${NAME_SUFFIX}`, full: catalog['app.name.full'] },
    description: { short: catalog['app.description.short'], full: catalog['app.description.full'] },
    localizationInfo: {
      defaultLanguageTag: DEFAULT_LOCALE,
      additionalLanguages: ADDITIONAL_LANGUAGES.map((languageTag) => ({
        languageTag,
        file: languageFile(languageTag),
      })),
    },
    staticTabs: staticTabs(locale),
    bots: [{ ...bot, scopes: [...BOT_SCOPES], commandLists: commandLists(locale) }, ...otherBots],
    composeExtensions: composeExtensions(locale),
  };
}

/**
 * The manifest with its English strings, personal tab, bot scopes and command lists, messaging extension and
 * localizationInfo.
 */
export function withCatalogStrings(manifest: Manifest): Manifest {
  return withStrings(manifest, DEFAULT_LOCALE);
}

/**
 * A language's localization file: the same manifest written in that language, read back under the keys the
 * Localization schema names, so the file's keys follow the manifest's structure by construction.
 */
export function localizationFile(locale: Locale): Record<string, unknown> {
  return { $schema: LOCALIZATION_SCHEMA_URL, ...localizableStrings(withStrings({}, locale)) };
}

/** Formats JSON as Prettier would (the repository's `prettier --check .` covers appPackage/). */
async function formatJson(value: unknown, filePath: string): Promise<string> {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(filePath)) ?? {};
  return prettier.format(JSON.stringify(value), { ...options, filepath: filePath });
}

/**
 * What the generator writes, path (relative to the repository) → text: manifest.json with its catalog strings,
 * and each language's file. Nothing is written here; `writeAppStrings` (or a test comparing) decides.
 */
export async function generatedAppStrings(root: string): Promise<Map<string, string>> {
  const manifestPath = path.join(root, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const files = new Map<string, string>();
  files.set('appPackage/manifest.json', await formatJson(withCatalogStrings(manifest), manifestPath));
  for (const locale of ADDITIONAL_LANGUAGES) {
    const relative = `appPackage/${languageFile(locale)}`;
    files.set(relative, await formatJson(localizationFile(locale), path.join(root, relative)));
  }
  return files;
}
