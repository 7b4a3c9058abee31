/**
 * The Toolkit's environment files (`env/.env.<name>`, committed, and `env/.env.<name>.user`, secrets, git-ignored)
 * and the `${{NAME}}` placeholders the app package's files hold where the Toolkit fills values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A `${{NAME}}` placeholder, as the Toolkit writes them. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Keys whose value may be empty (the production app has no name suffix). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['APP_NAME_SUFFIX']);

/** Values that stand in for a real environment when the template itself is validated (no env file chosen). */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = Object.freeze({
  TEAMS_APP_ID: '00000000-0000-0000-0000-000000000001',
  BOT_ID: '00000000-0000-0000-0000-000000000002',
  AAD_APP_CLIENT_ID: '00000000-0000-0000-0000-000000000003',
  AAD_APP_OBJECT_ID: '00000000-0000-0000-0000-000000000004',
  AAD_APP_TENANT_ID: '00000000-0000-0000-0000-000000000005',
  AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '00000000-0000-0000-0000-000000000006',
  BOT_DOMAIN: 'teams-photo.example.com',
  APP_NAME_SUFFIX: '-sample',
});

/**
 * Parses a dotenv-style file: `KEY=value` lines, `#` comments, blank lines, optional `export `, values optionally in
 * single or double quotes (double quotes read `\n`). A line that is none of these is an error naming its number.
 */
export function parseEnvFile(text: string, fileName = 'env file'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new Error(`${fileName}:${index + 1}: not KEY=value`);
    const [, key = '', rest = ''] = match;
    let value = rest;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      value = quoted[1] === '"' ? (quoted[2] ?? '').replaceAll('\\n', '\n') : (quoted[2] ?? '');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    values[key] = value;
  });
  return values;
}

/** The environment names that have a committed file (`env/.env.<name>`, not `.user`). */
export function envNames(root: string): string[] {
  const dir = path.join(root, 'env');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(name)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/**
 * The values of environment `name`: `env/.env.<name>`, then `env/.env.<name>.user` over it when present (as the
 * Toolkit loads them), then, for a key those files leave empty or lack, the process environment (`from`), as the
 * Toolkit also resolves placeholders from it (a CI job passes provisioned ids this way). A missing committed file
 * is an error naming it.
 */
export function readEnv(
  root: string,
  name: string,
  from: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`not an environment name: ${JSON.stringify(name)}`);
  const file = path.join(root, 'env', `.env.${name}`);
  if (!existsSync(file))
    throw new Error(`env/.env.${name} does not exist (environments: ${envNames(root).join(', ') || 'none'})`);
  const values = parseEnvFile(readFileSync(file, 'utf8'), `env/.env.${name}`);
  const user = `${file}.user`;
  if (existsSync(user))
    Object.assign(values, parseEnvFile(readFileSync(user, 'utf8'), `env/.env.${name}.user`));
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined && value !== '' && (values[key] ?? '') === '') values[key] = value;
  }
  return values;
}

/** The placeholder names in a text, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/** The outcome of filling a text: the text, and every placeholder that had no value (sorted, each once). */
export interface Filled {
  readonly text: string;
  readonly missing: readonly string[];
}

/**
 * Replaces every `${{NAME}}` with its value, JSON-escaped when `json` is set (the files are JSON, and a value is
 * always inserted inside a string). A name without a value (absent, or empty unless {@link MAY_BE_EMPTY}) is
 * left in place and reported.
 */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<string, string>>,
  json = true,
): Filled {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || (value === '' && !MAY_BE_EMPTY.has(name))) {
      missing.add(name);
      return whole;
    }
    return json ? JSON.stringify(value).slice(1, -1) : value;
  });
  return { text: filled, missing: [...missing].sort() };
}
