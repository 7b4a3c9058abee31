/**
 * A throwaway copy of the app package (appPackage/, aad.manifest.json, env/) in a temporary directory, so a test
 * can break one file and see validation fail, without the Toolkit yml hook (scripts/ is not copied).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = process.cwd();

/** Ids that fill the committed env files' empty values, as a provisioned environment would. */
export const PROVISIONED: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  BOT_ID: '22222222-3333-4444-8555-666666666666',
  AAD_APP_CLIENT_ID: '33333333-4444-4555-8666-777777777777',
  BOT_DOMAIN: 'photo-bot.example.net',
};

export interface PackageCopy {
  readonly root: string;
  readJson(relative: string): Record<string, unknown>;
  writeJson(relative: string, value: unknown): void;
  write(relative: string, bytes: Buffer | string): void;
  remove(): void;
}

export function copyPackage(): PackageCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'teams-photo-app-'));
  cpSync(path.join(repoRoot, 'appPackage'), path.join(root, 'appPackage'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build`),
  });
  cpSync(path.join(repoRoot, 'aad.manifest.json'), path.join(root, 'aad.manifest.json'));
  cpSync(path.join(repoRoot, 'env'), path.join(root, 'env'), { recursive: true });
  return {
    root,
    readJson: (relative) =>
      JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as Record<string, unknown>,
    writeJson: (relative, value) => {
      writeFileSync(path.join(root, relative), JSON.stringify(value, null, 2));
    },
    write: (relative, bytes) => {
      writeFileSync(path.join(root, relative), bytes);
    },
    remove: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
