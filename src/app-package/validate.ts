/**
 * `npm run validate`: every check on the app package, offline. Returns the problems found, one sentence each
 * naming the file; an empty list means the package is valid. The tests call the same functions with broken
 * copies of the files.
 *
 * The manifest and localization files are validated FILLED: their `${{NAME}}` placeholders are replaced by the
 * values of an environment file (`--env <name>`) or, without one, by sample values (`SAMPLE_VALUES`), since a
 * placeholder is not a GUID or a domain and the schema would refuse the template as it stands.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { BotScope, BotTextCommandSpec } from '../bot/bot-commands.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { isDeepStrictEqual } from 'node:util';
import {
  ADDITIONAL_LANGUAGES,
  generatedAppStrings,
  languageFile,
  MANIFEST_SCHEMA_URL,
  MANIFEST_VERSION,
} from './app-strings.js';
import { fillPlaceholders, readEnv, SAMPLE_VALUES } from './env-file.js';
import { checkAadManifest, checkIcons, checkSsoResource } from './asset-checks.js';
import { BOT_COMMAND_SURFACE, checkCommands } from './command-checks.js';
import { drawColorIcon, drawOutlineIcon, readPixels } from './icons.js';
import { asArray, asObject, type Json } from './json-shape.js';
import { BOT_ID_PLACEHOLDER, localizableStrings } from './manifest-commands.js';
import { checkPermissionTable } from './permission-table.js';
import { checkStaticTabs, SSO_RESOURCE } from './static-tabs.js';

const require = createRequire(import.meta.url);

/** Where @microsoft/app-manifest keeps the Teams JSON schemas. */
export function teamsSchemaDir(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}

/** The newest manifest schema version the package ships, devPreview aside (`1.30`). */
export function newestStableManifestVersion(): string {
  const versions = readdirSync(teamsSchemaDir())
    .map((name) => /^v(\d+)\.(\d+)$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [Number(match[1]), Number(match[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (!newest) throw new Error('@microsoft/app-manifest ships no Teams manifest schema');
  return `${newest[0]}.${newest[1]}`;
}

/** Compiled validators per schema file, compiled once (draft-04, as the Teams schemas declare). */
const validators = new Map<string, ValidateFunction>();
function schemaValidator(version: string, file: string): ValidateFunction {
  const schemaPath = path.join(teamsSchemaDir(), `v${version}`, file);
  const cached = validators.get(schemaPath);
  if (cached) return cached;
  if (!existsSync(schemaPath)) throw new Error(`@microsoft/app-manifest has no schema v${version}/${file}`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;
  // CommonJS packages whose `default` export TypeScript's NodeNext typing does not see through: take the classes
  // from require, typed by their own declarations.
  const AjvDraft04 = (require('ajv-draft-04') as { default: typeof import('ajv-draft-04').default }).default;
  const addFormats = (require('ajv-formats') as { default: typeof import('ajv-formats').default }).default;
  // strict: false because Microsoft's schemas use keywords ajv's strict mode refuses (e.g. `default` beside $ref);
  // unicodeRegExp: false because some of their patterns (a lone `]`) are invalid under the `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validators.set(schemaPath, validate);
  return validate;
}

function schemaErrors(file: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) =>
      `${file}: ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${
        error.keyword === 'additionalProperties'
          ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
          : ''
      }`,
  );
}

/** Options of a validation run. */
export interface ValidateOptions {
  /** The repository root (where appPackage/ and aad.manifest.json are). */
  readonly root: string;
  /** Fill placeholders from `env/.env.<env>`; without it, from SAMPLE_VALUES. */
  readonly env?: string;
  /** The bot's command-menu commands, messaging-extension commands and scopes; the real ones unless a test plants
   * others. */
  readonly botCommands?: readonly BotTextCommandSpec[];
  readonly messagingExtensionCommands?: readonly string[];
  readonly botScopes?: readonly BotScope[];
  /**
   * Compare the generated files with what the generators give now (default true): the strings from the catalogs,
   * the icons from their drawing code. Tests that break a generated file on purpose to test another rule turn it off.
   */
  readonly checkGenerated?: boolean;
  /** Where values the env files leave empty come from: the caller's process environment (the command line passes
   * it; inside src/ only the config loader reads the environment). Default: nowhere. */
  readonly processEnv?: Readonly<Record<string, string | undefined>>;
}

/** Reads a JSON file of the package, filled; a problem (not an exception) when it is missing or not JSON. */
function readFilled(
  root: string,
  relative: string,
  values: Readonly<Record<string, string>>,
  problems: string[],
): Json | undefined {
  const file = path.join(root, relative);
  if (!existsSync(file)) {
    problems.push(`${relative}: missing`);
    return undefined;
  }
  const filled = fillPlaceholders(readFileSync(file, 'utf8'), values);
  for (const name of filled.missing) problems.push(`${relative}: no value for \${{${name}}}`);
  try {
    return JSON.parse(filled.text) as Json;
  } catch (error) {
    problems.push(`${relative}: not JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** Schema lengths of the localized strings, said plainly (the schema check reports them too, less readably). */
export function checkLengths(file: string, strings: Json, localizationSchema: Json): string[] {
  const problems: string[] = [];
  const properties = asObject(localizationSchema.properties);
  const patterns = Object.entries(asObject(localizationSchema.patternProperties)).map(
    // Without the `u` flag, as ajv reads them above.
    ([pattern, rule]) => [new RegExp(pattern), asObject(rule)] as const,
  );
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value !== 'string' || key === '$schema') continue;
    const rule = Object.hasOwn(properties, key)
      ? asObject(properties[key])
      : patterns.find(([re]) => re.test(key))?.[1];
    if (rule === undefined) {
      problems.push(`${file}: "${key}" is not a key the localization schema allows`);
      continue;
    }
    const max = typeof rule.maxLength === 'number' ? rule.maxLength : undefined;
    // JSON Schema counts code points, as ajv does.
    const length = Array.from(value).length;
    if (max !== undefined && length > max) {
      problems.push(`${file}: "${key}" is ${length} characters, the limit is ${max}`);
    }
    if (value.trim() === '') problems.push(`${file}: "${key}" is empty`);
  }
  return problems;
}

/** The manifest's links to the other files, its SSO, bot and tab wiring, checked on the template. */
function checkTemplate(template: string): string[] {
  const problems: string[] = [];
  const manifest = JSON.parse(template) as Json;
  if (manifest.manifestVersion !== MANIFEST_VERSION || manifest.$schema !== MANIFEST_SCHEMA_URL) {
    problems.push(`manifest.json: must use schema v${MANIFEST_VERSION} (${MANIFEST_SCHEMA_URL})`);
  }
  const bot = asObject(asArray(manifest.bots)[0]);
  if (bot.botId !== BOT_ID_PLACEHOLDER) problems.push('manifest.json: bots[0].botId must be ${{BOT_ID}}');
  asArray(manifest.composeExtensions).forEach((extension, e) => {
    if (asObject(extension).botId !== BOT_ID_PLACEHOLDER) {
      problems.push(`manifest.json: composeExtensions[${e}].botId must be \${{BOT_ID}} (the same bot)`);
    }
  });
  if (bot.supportsFiles !== true) {
    problems.push(
      'manifest.json: bots[0].supportsFiles must be true (photos sent as files in personal chat need it)',
    );
  }
  if (!asArray(bot.scopes).includes('personal'))
    problems.push('manifest.json: bots[0].scopes must include personal');
  const sso = asObject(manifest.webApplicationInfo);
  if (sso.resource !== SSO_RESOURCE) {
    problems.push(
      `manifest.json: webApplicationInfo.resource must be ${SSO_RESOURCE} (SSO for the bot and the tab, on the tab's domain)`,
    );
  }
  if (sso.id !== '${{AAD_APP_CLIENT_ID}}')
    problems.push('manifest.json: webApplicationInfo.id must be ${{AAD_APP_CLIENT_ID}}');
  const domains = asArray(manifest.validDomains);
  for (const domain of ['${{BOT_DOMAIN}}', 'token.botframework.com']) {
    if (!domains.includes(domain)) problems.push(`manifest.json: validDomains must include ${domain}`);
  }
  problems.push(...checkStaticTabs(manifest));
  return problems;
}

/** Runs every check; resolves to the problems (empty when valid). */
export async function validateAppPackage(options: ValidateOptions): Promise<string[]> {
  const { root } = options;
  const problems: string[] = [];
  let values: Readonly<Record<string, string>> = SAMPLE_VALUES;
  if (options.env !== undefined) {
    try {
      values = readEnv(root, options.env, options.processEnv ?? {});
    } catch (error) {
      return [(error as Error).message];
    }
  }
  const manifestPath = path.join(root, 'appPackage', 'manifest.json');
  if (!existsSync(manifestPath)) return ['appPackage/manifest.json: missing'];
  const template = readFileSync(manifestPath, 'utf8');
  try {
    problems.push(...checkTemplate(template));
  } catch (error) {
    return [`appPackage/manifest.json: not JSON (${(error as Error).message})`];
  }
  const manifest = readFilled(root, 'appPackage/manifest.json', values, problems);
  if (!manifest) return problems;
  const version = String(manifest.manifestVersion);
  const validateManifest = schemaValidator(version, 'MicrosoftTeams.schema.json');
  if (!validateManifest(manifest))
    problems.push(...schemaErrors('appPackage/manifest.json', validateManifest.errors));
  const localizationSchemaFile = 'MicrosoftTeams.Localization.schema.json';
  const validateLocalization = schemaValidator(version, localizationSchemaFile);
  const localizationSchema = JSON.parse(
    readFileSync(path.join(teamsSchemaDir(), `v${version}`, localizationSchemaFile), 'utf8'),
  ) as Json;

  // The manifest's own (English) strings, as the localization keys name them, within the same lengths.
  problems.push(
    ...checkLengths('appPackage/manifest.json', localizableStrings(manifest), localizationSchema),
  );

  // Localization: exactly the bot's other languages, each file valid and within the lengths.
  const info = asObject(manifest.localizationInfo);
  if (info.defaultLanguageTag !== DEFAULT_LOCALE) {
    problems.push(`manifest.json: localizationInfo.defaultLanguageTag must be ${DEFAULT_LOCALE}`);
  }
  const listed = asArray(info.additionalLanguages).map(asObject);
  const localized = new Map<string, Json>();
  for (const locale of ADDITIONAL_LANGUAGES) {
    const entry = listed.find((l) => l.languageTag === locale);
    if (!entry) problems.push(`manifest.json: localizationInfo lists no ${locale} file`);
    else if (entry.file !== languageFile(locale)) {
      problems.push(`manifest.json: localizationInfo's ${locale} file must be ${languageFile(locale)}`);
    }
  }
  for (const entry of listed) {
    const relative = `appPackage/${String(entry.file)}`;
    if (!ADDITIONAL_LANGUAGES.some((l) => l === entry.languageTag)) {
      problems.push(
        `manifest.json: localizationInfo lists ${String(entry.languageTag)}, a language the bot does not speak`,
      );
    }
    const strings = readFilled(root, relative, values, problems);
    if (!strings) continue;
    if (!validateLocalization(strings)) problems.push(...schemaErrors(relative, validateLocalization.errors));
    problems.push(...checkLengths(relative, strings, localizationSchema));
    localized.set(relative, strings);
  }
  const files = readdirSync(path.join(root, 'appPackage')).filter(
    (f) => f.endsWith('.json') && f !== 'manifest.json',
  );
  for (const file of files) {
    if (!listed.some((l) => l.file === file))
      problems.push(`appPackage/${file}: not listed in localizationInfo`);
  }

  problems.push(
    ...checkCommands(manifest, localized, {
      commands: options.botCommands ?? BOT_COMMAND_SURFACE.commands,
      messagingExtensionCommands:
        options.messagingExtensionCommands ?? BOT_COMMAND_SURFACE.messagingExtensionCommands,
      scopes: options.botScopes ?? BOT_COMMAND_SURFACE.scopes,
    }),
  );
  problems.push(...(await checkIcons(root, manifest)));

  const aad = readFilled(root, 'aad.manifest.json', { ...SAMPLE_VALUES, ...values }, problems);
  if (aad) problems.push(...checkAadManifest(aad), ...checkSsoResource(manifest, aad));

  if (options.checkGenerated !== false) problems.push(...(await checkGenerated(root)));
  problems.push(...(await toolkitYamlProblems(root)));
  return problems;
}

/** True when both texts are JSON with the same value; a missing or broken file is not the same. */
function sameJson(a: string | undefined, b: string): boolean {
  try {
    return a !== undefined && isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * The files nobody edits by hand, against their generators: manifest.json's catalog strings and the <lang>.json
 * files (compared as JSON, so formatting is not the point), the two icons (compared pixel by pixel), and the
 * README's Graph permission table.
 */
export async function checkGenerated(root: string): Promise<string[]> {
  const problems: string[] = [];
  const rerun = 'run `npm run appPackage:generate` instead of editing it by hand';
  for (const [relative, text] of await generatedAppStrings(root)) {
    const file = path.join(root, relative);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (!sameJson(committed, text))
      problems.push(`${relative}: not what the catalogs in src/i18n give; ${rerun}`);
  }
  for (const [name, draw] of [
    ['color.png', drawColorIcon],
    ['outline.png', drawOutlineIcon],
  ] as const) {
    const file = path.join(root, 'appPackage', name);
    if (!existsSync(file)) continue;
    try {
      const committed = await readPixels(readFileSync(file));
      const drawn = await readPixels(await draw());
      if (committed.width !== drawn.width || !committed.data.equals(drawn.data)) {
        problems.push(`appPackage/${name}: not what src/app-package/icons.ts draws; ${rerun}`);
      }
    } catch {
      // An unreadable icon is reported by checkIcons.
    }
  }
  problems.push(...checkPermissionTable(root));
  return problems;
}

/**
 * The Toolkit's yml files (teamsapp.yml, teamsapp.local.yml) are checked against the Toolkit's schema by
 * scripts/validate-toolkit-yaml.mjs (the infrastructure part of the issue): when that file exists, its
 * `validateToolkitYaml({ projectRoot })` runs and its problems (strings) are reported with these.
 */
async function toolkitYamlProblems(root: string): Promise<string[]> {
  const hook = path.join(root, 'scripts', 'validate-toolkit-yaml.mjs');
  if (!existsSync(hook)) return [];
  const module = (await import(pathToFileURL(hook).href)) as {
    validateToolkitYaml?: (options: { projectRoot: string }) => string[] | Promise<string[]>;
  };
  if (typeof module.validateToolkitYaml !== 'function') {
    return ['scripts/validate-toolkit-yaml.mjs: exports no validateToolkitYaml()'];
  }
  try {
    return [...(await module.validateToolkitYaml({ projectRoot: root }))];
  } catch (error) {
    return [`teamsapp.yml check could not run: ${(error as Error).message}`];
  }
}
