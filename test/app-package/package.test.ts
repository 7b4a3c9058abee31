/**
 * `npm run package`, the generated files (strings from the catalogs, icons drawn by code), the permission table,
 * and the two commands as `npm test` runs them (the compiled scripts, on the real repository).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { generatedAppStrings } from '../../src/app-package/app-strings.js';
import { buildAppPackage } from '../../src/app-package/build.js';
import { fillPlaceholders, parseEnvFile, placeholdersIn } from '../../src/app-package/env-file.js';
import { GRAPH_PERMISSIONS } from '../../src/app-package/graph-permissions.js';
import {
  checkPermissionTable,
  PERMISSION_TABLE_END,
  PERMISSION_TABLE_START,
  permissionTableMarkdown,
} from '../../src/app-package/permission-table.js';
import { DELEGATED_SCOPES } from '../../src/auth/obo-token-provider.js';
import { drawColorIcon, drawOutlineIcon, readPixels } from '../../src/app-package/icons.js';
import { BOT_TEXT_COMMANDS } from '../../src/bot/bot-commands.js';
import { CATALOGS, matchCommand, SUPPORTED_LOCALES } from '../../src/i18n/index.js';
import { copyPackage, PROVISIONED, repoRoot } from './helpers.js';

const run = promisify(execFile);

describe('generated files', () => {
  it('the committed manifest strings and localization files are what the generator writes', async () => {
    const generated = await generatedAppStrings(repoRoot);
    expect([...generated.keys()].sort()).toEqual(
      ['de', 'es', 'manifest', 'pt-BR', 'ru', 'zh-CN'].map((name) => `appPackage/${name}.json`).sort(),
    );
    for (const [relative, text] of generated) {
      expect({ relative, text: readFileSync(path.join(repoRoot, relative), 'utf8') }).toEqual({
        relative,
        text,
      });
    }
  });

  it('a hand edit of a localization file is caught', async () => {
    const copy = copyPackage();
    try {
      const es = copy.readJson('appPackage/es.json');
      es['description.short'] = 'Editado a mano.';
      copy.writeJson('appPackage/es.json', es);
      const generated = await generatedAppStrings(copy.root);
      expect(generated.get('appPackage/es.json')).not.toBe(
        readFileSync(`${copy.root}/appPackage/es.json`, 'utf8'),
      );
    } finally {
      copy.remove();
    }
  });

  it('the committed icons are what scripts/draw-icons.mjs draws', async () => {
    for (const [file, draw] of [
      ['color.png', drawColorIcon],
      ['outline.png', drawOutlineIcon],
    ] as const) {
      const committed = await readPixels(readFileSync(path.join(repoRoot, 'appPackage', file)));
      const drawn = await readPixels(await draw());
      expect({ file, width: committed.width, same: committed.data.equals(drawn.data) }).toEqual({
        file,
        width: drawn.width,
        same: true,
      });
    }
  });

  it('every command title, in every language, is a word the bot routes to that command', () => {
    for (const locale of SUPPORTED_LOCALES) {
      for (const { command, word } of BOT_TEXT_COMMANDS) {
        expect({ locale, command: matchCommand(CATALOGS[locale][word]) }).toEqual({ locale, command });
      }
    }
  });
});

describe('Graph permissions', () => {
  it('the table holds exactly the permissions the app uses', () => {
    expect(GRAPH_PERMISSIONS.map((p) => `${p.name} ${p.type}`).sort()).toEqual([
      'ChannelMessage.Read.All Scope',
      'Chat.Read Scope',
      'Contacts.ReadWrite Scope',
      'Files.Read.All Scope',
      'Group.ReadWrite.All Scope',
      'GroupMember.Read.All Role',
      'PeopleSettings.Read.All Role',
      'RoleManagement.Read.Directory Role',
      'User.Read Scope',
      'User.Read.All Role',
      'User.ReadBasic.All Scope',
      'User.ReadWrite Scope',
      'User.ReadWrite.All Role',
    ]);
    for (const permission of GRAPH_PERMISSIONS) expect(permission.why.length).toBeGreaterThan(20);
  });

  it('asks for every delegated scope the bot requests on behalf of a person', () => {
    const delegated = new Set(GRAPH_PERMISSIONS.filter((p) => p.type === 'Scope').map((p) => p.name));
    for (const scope of Object.values(DELEGATED_SCOPES).flat()) {
      expect({ scope, requested: delegated.has(scope) }).toEqual({ scope, requested: true });
    }
  });

  it("the README's table is the list, row for row, between its markers", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(
      `${PERMISSION_TABLE_START}\n${permissionTableMarkdown()}\n${PERMISSION_TABLE_END}`,
    );
    expect(permissionTableMarkdown().split('\n').slice(2)).toHaveLength(GRAPH_PERMISSIONS.length);
    expect(checkPermissionTable(repoRoot)).toEqual([]);
  });

  it('refuses a README table edited by hand, or without its markers', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'teams-photo-readme-'));
    try {
      const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
      writeFileSync(
        path.join(root, 'README.md'),
        readme.replace('| `Chat.Read` | delegated |', '| `Chat.Read` | application |'),
      );
      expect(checkPermissionTable(root)).toEqual([
        'README.md: the Graph permission table is not what src/app-package/graph-permissions.ts gives; run `npm run appPackage:generate` instead of editing it by hand',
      ]);
      writeFileSync(path.join(root, 'README.md'), readme.replace(PERMISSION_TABLE_END, ''));
      expect(checkPermissionTable(root)).toEqual([
        `README.md has no ${PERMISSION_TABLE_START} … ${PERMISSION_TABLE_END} markers`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('env files and placeholders', () => {
  it('reads KEY=value lines, comments, quotes and empty values', () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two words"\nC=\nD=x # note\nE=\'#kept\'\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
      D: 'x',
      E: '#kept',
    });
    expect(() => parseEnvFile('A=1\nnot a line\n', 'env/.env.x')).toThrow('env/.env.x:2: not KEY=value');
  });

  it('fills placeholders JSON-escaped and names those without a value (APP_NAME_SUFFIX may be empty)', () => {
    const text = '{"a":"${{A}}","b":"${{B}}","s":"x${{APP_NAME_SUFFIX}}","c":"${{C}}"}';
    expect(placeholdersIn(text)).toEqual(['A', 'B', 'APP_NAME_SUFFIX', 'C']);
    expect(fillPlaceholders(text, { A: 'say "hi"', B: '', APP_NAME_SUFFIX: '' })).toEqual({
      text: '{"a":"say \\"hi\\"","b":"${{B}}","s":"x","c":"${{C}}"}',
      missing: ['B', 'C'],
    });
  });
});

describe('package', () => {
  it('zips exactly the manifest, the icons and the five localization files, every placeholder filled', () => {
    const copy = copyPackage();
    try {
      const zipPath = buildAppPackage(copy.root, 'local', PROVISIONED);
      expect(zipPath).toBe(path.join(copy.root, 'appPackage', 'build', 'appPackage.local.zip'));
      const entries = unzipSync(readFileSync(zipPath));
      expect(Object.keys(entries).sort()).toEqual(
        [
          'color.png',
          'de.json',
          'es.json',
          'manifest.json',
          'outline.png',
          'pt-BR.json',
          'ru.json',
          'zh-CN.json',
        ].sort(),
      );
      const text = (name: string) => new TextDecoder().decode(entries[name]);
      for (const name of Object.keys(entries).filter((n) => n.endsWith('.json'))) {
        expect({ name, left: text(name).includes('${{') }).toEqual({ name, left: false });
      }
      const manifest = JSON.parse(text('manifest.json')) as {
        id: string;
        name: { short: string };
        bots: { botId: string }[];
        composeExtensions: { botId: string }[];
        webApplicationInfo: { id: string; resource: string };
        staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string }[];
        validDomains: string[];
      };
      expect(manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
      expect(manifest.name.short).toBe('Teams Photolocal');
      expect(manifest.bots[0]!.botId).toBe(PROVISIONED.BOT_ID);
      expect(manifest.composeExtensions[0]!.botId).toBe(PROVISIONED.BOT_ID);
      expect(manifest.webApplicationInfo).toEqual({
        id: PROVISIONED.AAD_APP_CLIENT_ID,
        resource: `api://${PROVISIONED.BOT_DOMAIN!}/botid-${PROVISIONED.BOT_ID!}`,
      });
      expect(manifest.validDomains).toEqual([PROVISIONED.BOT_DOMAIN, 'token.botframework.com']);
      const photoTab = manifest.staticTabs.find((tab) => tab.entityId === 'photo');
      expect(photoTab?.contentUrl).toBe(`https://${PROVISIONED.BOT_DOMAIN!}/tab?locale={locale}`);
      expect(photoTab?.websiteUrl).toBe(photoTab?.contentUrl);
      expect(
        Buffer.from(entries['color.png']!).equals(readFileSync(`${copy.root}/appPackage/color.png`)),
      ).toBe(true);
    } finally {
      copy.remove();
    }
  });

  it('refuses to build when the environment lacks a value, naming each, and writes nothing', () => {
    const copy = copyPackage();
    try {
      expect(() => buildAppPackage(copy.root, 'local', { BOT_ID: PROVISIONED.BOT_ID })).toThrow(
        'env/.env.local: no value in the environment for: AAD_APP_CLIENT_ID (appPackage/manifest.json), BOT_DOMAIN (appPackage/manifest.json), TEAMS_APP_ID (appPackage/manifest.json)',
      );
      expect(() => readFileSync(`${copy.root}/appPackage/build/appPackage.local.zip`)).toThrow();
      expect(() => buildAppPackage(copy.root, 'nowhere', PROVISIONED)).toThrow(
        'env/.env.nowhere does not exist (environments: dev, local)',
      );
    } finally {
      copy.remove();
    }
  });
});

describe('npm run package / npm run validate (the compiled scripts npm test builds)', () => {
  const node = process.execPath;
  const environment = { ...process.env, ...PROVISIONED, NODE_OPTIONS: '' };

  it('validate exits 0 on the repository', async () => {
    const { stdout } = await run(node, ['scripts/validate-app.mjs'], { cwd: repoRoot, env: environment });
    expect(stdout).toBe('appPackage/ is valid (filled with sample values)\n');
  });

  it('package --env local builds appPackage/build/appPackage.local.zip', async () => {
    const { stdout } = await run(node, ['scripts/package-app.mjs', '--env', 'local'], {
      cwd: repoRoot,
      env: environment,
    });
    const zipPath = path.join(repoRoot, 'appPackage', 'build', 'appPackage.local.zip');
    expect(stdout).toBe(`${zipPath}\n`);
    expect(Object.keys(unzipSync(readFileSync(zipPath)))).toHaveLength(8);
    rmSync(zipPath);
  });

  it('package exits 1 naming the missing values, 2 without --env', async () => {
    const bare = { PATH: process.env.PATH ?? '', NODE_OPTIONS: '' };
    await expect(
      run(node, ['scripts/package-app.mjs', '--env', 'local'], { cwd: repoRoot, env: bare }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'PackageFailed: env/.env.local: no value in the environment for: AAD_APP_CLIENT_ID',
      ) as unknown,
    });
    await expect(run(node, ['scripts/package-app.mjs'], { cwd: repoRoot, env: bare })).rejects.toMatchObject({
      code: 2,
    });
  });
});
