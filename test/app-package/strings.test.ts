/**
 * The manifest's strings in every language the bot speaks, against the Localization schema's lengths: what the
 * generator writes from the catalogs (so a translation too long for Teams fails here, naming the key, before
 * anyone runs `npm run appPackage:generate`), and the messaging extension's strings under the keys Teams reads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { localizationFile, MANIFEST_VERSION, withCatalogStrings } from '../../src/app-package/app-strings.js';
import { fillPlaceholders, SAMPLE_VALUES } from '../../src/app-package/env-file.js';
import { localizableStrings, MESSAGING_EXTENSION_SPECS } from '../../src/app-package/manifest-commands.js';
import { checkLengths, teamsSchemaDir } from '../../src/app-package/validate.js';
import { CATALOGS, DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from '../../src/i18n/index.js';
import { repoRoot } from './helpers.js';

type Json = Record<string, unknown>;

const schema = JSON.parse(
  readFileSync(
    path.join(teamsSchemaDir(), `v${MANIFEST_VERSION}`, 'MicrosoftTeams.Localization.schema.json'),
    'utf8',
  ),
) as Json;
const committedManifest = JSON.parse(
  readFileSync(path.join(repoRoot, 'appPackage', 'manifest.json'), 'utf8'),
) as Json;

/**
 * A language's strings as the generator writes them (the manifest's own for English, the file's otherwise), filled
 * with the sample values as `npm run validate` fills them: the name's `${{APP_NAME_SUFFIX}}` is not its length.
 */
function stringsOf(locale: Locale): Json {
  const strings =
    locale === DEFAULT_LOCALE
      ? localizableStrings(withCatalogStrings(committedManifest))
      : localizationFile(locale);
  return JSON.parse(fillPlaceholders(JSON.stringify(strings), SAMPLE_VALUES).text) as Json;
}

/** The schema's maximum length for a key (its own property or the pattern that matches it). */
function maxLength(key: string): number | undefined {
  const patterns = Object.entries(schema.patternProperties as Record<string, { maxLength?: number }>);
  return patterns.find(([pattern]) => new RegExp(pattern).test(key))?.[1].maxLength;
}

describe('localized manifest strings', () => {
  it.each(SUPPORTED_LOCALES)('%s: every string is within the schema length and not empty', (locale) => {
    const file = `${locale}.json`;
    expect(checkLengths(file, stringsOf(locale), schema)).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)(
    '%s: the messaging extension has every title and description, within 32 and 128 characters',
    (locale) => {
      const strings = stringsOf(locale);
      const catalog = CATALOGS[locale];
      MESSAGING_EXTENSION_SPECS.forEach((spec, c) => {
        const key = `composeExtensions[0].commands[${c}]`;
        const expected: [string, string, number][] = [
          [`${key}.title`, catalog[spec.title], 32],
          [`${key}.description`, catalog[spec.description], 128],
          ...(spec.parameters ?? []).flatMap((parameter, p): [string, string, number][] => [
            [`${key}.parameters[${p}].title`, catalog[parameter.title], 32],
            [`${key}.parameters[${p}].description`, catalog[parameter.description], 128],
          ]),
        ];
        for (const [name, text, limit] of expected) {
          expect({ name, text: strings[name], limit: maxLength(name) }).toEqual({ name, text, limit });
          expect({ name, fits: Array.from(text).length <= limit }).toEqual({ name, fits: true });
        }
      });
    },
  );

  it('a translation over the limit is named with its key and the limit', () => {
    const strings = {
      ...stringsOf('de'),
      'composeExtensions[0].commands[0].title': 'Als Gruppenfoto festlegen, sofort',
    };
    expect(checkLengths('de.json', strings, schema)).toEqual([
      'de.json: "composeExtensions[0].commands[0].title" is 33 characters, the limit is 32',
    ]);
  });
});
