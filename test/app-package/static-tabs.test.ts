/**
 * The personal tab **Photo** in the app package: generated from the catalogs and the server's route, refused by
 * `npm run validate` when it points anywhere but the bot's `/tab` page, and, filled as Teams fills it, answered by
 * the real route with the page in the language Teams asked for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import restify from 'restify';
import { localizationFile } from '../../src/app-package/app-strings.js';
import { staticTabs, TAB_URL } from '../../src/app-package/static-tabs.js';
import { validateAppPackage } from '../../src/app-package/validate.js';
import { CATALOGS, SUPPORTED_LOCALES } from '../../src/i18n/index.js';
import { registerTabRoutes } from '../../src/web/tab-routes.js';
import { TAB_PATH } from '../../src/web/tab-paths.js';
import { copyPackage, repoRoot, type PackageCopy } from './helpers.js';

type Json = Record<string, unknown>;

const committed = JSON.parse(readFileSync(path.join(repoRoot, 'appPackage', 'manifest.json'), 'utf8')) as {
  staticTabs: Json[];
};

describe('the Photo tab in the manifest', () => {
  it("is the generated one: the chat first, then Photo at the bot's /tab route in Teams' language", () => {
    expect(committed.staticTabs).toEqual(staticTabs('en'));
    expect(committed.staticTabs[1]).toEqual({
      entityId: 'photo',
      name: 'Photo',
      contentUrl: 'https://${{BOT_DOMAIN}}/tab?locale={locale}',
      websiteUrl: 'https://${{BOT_DOMAIN}}/tab?locale={locale}',
      scopes: ['personal'],
    });
    expect(TAB_URL).toBe(`https://\${{BOT_DOMAIN}}${TAB_PATH}?locale={locale}`);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))("has the tab's name in %s", (locale) => {
    const file = JSON.parse(
      readFileSync(path.join(repoRoot, 'appPackage', `${locale}.json`), 'utf8'),
    ) as Json;
    expect(file['staticTabs[1].name']).toBe(CATALOGS[locale]['tab.name']);
    expect(localizationFile(locale)['staticTabs[1].name']).toBe(CATALOGS[locale]['tab.name']);
    // The chat tab has no name to translate.
    expect(Object.hasOwn(file, 'staticTabs[0].name')).toBe(false);
  });

  it('is answered by the route it names: Teams fills {locale}, the page comes back in that language', async () => {
    const server = restify.createServer();
    registerTabRoutes(server, { assetsDir: path.join(repoRoot, 'dist', 'web') });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    try {
      const { port } = server.address();
      const filled = TAB_URL.replace('https://${{BOT_DOMAIN}}', `http://127.0.0.1:${port}`).replace(
        '{locale}',
        'de-de',
      );
      const response = await fetch(filled, { headers: { 'accept-language': 'en' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<html lang="de"');
    } finally {
      server.close();
    }
  });
});

describe("validate: the static tab must show the bot's page", () => {
  let copy: PackageCopy;
  beforeEach(() => {
    copy = copyPackage();
  });
  afterEach(() => {
    copy.remove();
  });

  const validate = () => validateAppPackage({ root: copy.root, checkGenerated: false });
  const editTab = (change: (tab: Json, tabs: Json[]) => void) => {
    const manifest = copy.readJson('appPackage/manifest.json') as { staticTabs: Json[] };
    change(manifest.staticTabs[1]!, manifest.staticTabs);
    copy.writeJson('appPackage/manifest.json', manifest);
  };
  const problem = (field: string, why: string, url: string) =>
    `manifest.json: staticTabs[1].${field} ${why} (https://\${{BOT_DOMAIN}}/tab?locale={locale}), not ${url}`;

  it('passes the committed tab', async () => {
    expect(await validate()).toEqual([]);
  });

  it.each([
    [
      'another host',
      'https://photos.example.com/tab?locale={locale}',
      "must be on https://${{BOT_DOMAIN}}, the bot's own server",
    ],
    [
      'plain http',
      'http://${{BOT_DOMAIN}}/tab?locale={locale}',
      "must be on https://${{BOT_DOMAIN}}, the bot's own server",
    ],
    [
      'another port',
      'https://${{BOT_DOMAIN}}:8443/tab?locale={locale}',
      "must be on https://${{BOT_DOMAIN}}, the bot's own server",
    ],
    ['another path', 'https://${{BOT_DOMAIN}}/page?locale={locale}', "must be the bot's /tab route"],
    ['a path under it', 'https://${{BOT_DOMAIN}}/tab/app.js?locale={locale}', "must be the bot's /tab route"],
    [
      'no locale',
      'https://${{BOT_DOMAIN}}/tab',
      "must pass ?locale={locale}, so the page opens in Teams' language",
    ],
  ])('refuses a contentUrl on %s', async (_case, url, why) => {
    editTab((tab) => {
      tab.contentUrl = url;
    });
    expect(await validate()).toEqual([problem('contentUrl', why, url)]);
  });

  it('refuses a websiteUrl that is not the page', async () => {
    const url = 'https://www.example.com/teams-photo';
    editTab((tab) => {
      tab.websiteUrl = url;
    });
    expect(await validate()).toEqual([
      problem('websiteUrl', "must be on https://${{BOT_DOMAIN}}, the bot's own server", url),
    ]);
  });

  it('refuses a tab outside personal scope', async () => {
    editTab((tab) => {
      tab.scopes = ['personal', 'team'];
    });
    const problems = await validate();
    expect(problems).toContain('manifest.json: staticTabs[1].scopes must be ["personal"] (a personal tab)');
  });

  it('refuses a manifest without the Photo tab', async () => {
    editTab((_tab, tabs) => {
      tabs.splice(1, 1);
    });
    expect(await validate()).toEqual([
      'manifest.json: staticTabs has no "photo" tab showing https://${{BOT_DOMAIN}}/tab?locale={locale}',
    ]);
  });
});
