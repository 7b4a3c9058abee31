/**
 * `npm run package -- --env <name>`: `appPackage/build/appPackage.<name>.zip`, holding manifest.json and every
 * localization file with their `${{NAME}}` placeholders filled from `env/.env.<name>` (and `.user`), and the two
 * icons. A placeholder without a value is an error naming it (and the file), and nothing is written.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { fillPlaceholders, readEnv } from './env-file.js';

/** What a package holds, file name → bytes. */
export type PackageFiles = Record<string, Uint8Array>;

/** A package's files, filled from `values`: manifest.json, the files its localizationInfo names, its two icons. */
export function packageFiles(root: string, values: Readonly<Record<string, string>>): PackageFiles {
  const dir = path.join(root, 'appPackage');
  const manifestText = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(manifestText) as {
    icons?: { color?: string; outline?: string };
    localizationInfo?: { additionalLanguages?: { file?: string }[] };
  };
  const jsonFiles = [
    'manifest.json',
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => String(l.file)),
  ];
  const files: PackageFiles = {};
  const missing: string[] = [];
  for (const name of jsonFiles) {
    const filled = fillPlaceholders(readFileSync(path.join(dir, name), 'utf8'), values);
    for (const key of filled.missing) missing.push(`${key} (appPackage/${name})`);
    files[name] = new TextEncoder().encode(filled.text);
  }
  if (missing.length > 0) {
    throw new Error(`no value in the environment for: ${[...new Set(missing)].join(', ')}`);
  }
  for (const icon of [manifest.icons?.color ?? 'color.png', manifest.icons?.outline ?? 'outline.png']) {
    files[icon] = readFileSync(path.join(dir, icon));
  }
  return files;
}

/** Builds the zip for environment `env` and returns its path. */
export function buildAppPackage(
  root: string,
  env: string,
  from: Readonly<Record<string, string | undefined>>,
): string {
  const values = readEnv(root, env, from);
  const missingPrefix = `env/.env.${env}: `;
  let files: PackageFiles;
  try {
    files = packageFiles(root, values);
  } catch (error) {
    throw new Error(`${missingPrefix}${(error as Error).message}`, { cause: error });
  }
  // A fixed time keeps the zip the same bytes for the same inputs.
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(files).map(([name, bytes]) => [
        name,
        [bytes, { mtime: new Date('2020-01-01T00:00:00Z') }],
      ]),
    ),
    { level: 9 },
  );
  const outDir = path.join(root, 'appPackage', 'build');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `appPackage.${env}.zip`);
  writeFileSync(`${out}.tmp`, zip);
  renameSync(`${out}.tmp`, out);
  return out;
}
