/**
 * `npm run validate`'s checks (src/app-package/validate.ts), each shown to fail on a copy of the package with
 * one thing broken, and to pass on the committed files. The command checks are in commands.test.ts.
 */
import { readFileSync } from 'node:fs';
import { Jimp } from 'jimp';
import { newestStableManifestVersion, validateAppPackage } from '../../src/app-package/validate.js';
import { copyPackage, type PackageCopy } from './helpers.js';

type Json = Record<string, unknown>;

let copy: PackageCopy;
beforeEach(() => {
  copy = copyPackage();
});
afterEach(() => {
  copy.remove();
});

/** Validates the copy; the comparison with the generators is tested on its own below, so it is off here. */
const validate = (extra: Partial<Parameters<typeof validateAppPackage>[0]> = {}) =>
  validateAppPackage({ root: copy.root, checkGenerated: false, ...extra });

/** Changes manifest.json in the copy. */
function editManifest(change: (manifest: Json) => void): void {
  const manifest = copy.readJson('appPackage/manifest.json');
  change(manifest);
  copy.writeJson('appPackage/manifest.json', manifest);
}

async function png(width: number, height: number, pixel: (x: number, y: number) => number): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0 });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) image.setPixelColor(pixel(x, y), x, y);
  return image.getBuffer('image/png');
}

describe('validate', () => {
  it('passes the committed package, filled with sample values', async () => {
    expect(await validate({ checkGenerated: true })).toEqual([]);
  });

  it('refuses a generated file edited by hand: a localization file, the manifest strings, an icon', async () => {
    const es = copy.readJson('appPackage/es.json');
    es['description.short'] = 'Editado a mano.';
    copy.writeJson('appPackage/es.json', es);
    editManifest((m) => {
      (m.description as Json).short = 'Edited by hand.';
    });
    const outline = await Jimp.fromBuffer(readFileSync(`${copy.root}/appPackage/outline.png`));
    outline.setPixelColor(0xffffffff, 0, 0);
    copy.write('appPackage/outline.png', await outline.getBuffer('image/png'));
    const rerun = 'run `npm run appPackage:generate` instead of editing it by hand';
    expect(await validate({ checkGenerated: true })).toEqual([
      `appPackage/manifest.json: not what the catalogs in src/i18n give; ${rerun}`,
      `appPackage/es.json: not what the catalogs in src/i18n give; ${rerun}`,
      `appPackage/outline.png: not what src/app-package/icons.ts draws; ${rerun}`,
    ]);
  });

  it('uses the newest stable manifest schema @microsoft/app-manifest ships', () => {
    const manifest = copy.readJson('appPackage/manifest.json');
    const newest = newestStableManifestVersion();
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
    );
  });

  describe('manifest', () => {
    it('validates against the official schema (an unknown property)', async () => {
      editManifest((m) => {
        m.botPhotoSize = 648;
      });
      expect(await validate()).toEqual([
        'appPackage/manifest.json: (root) must NOT have additional properties (botPhotoSize)',
      ]);
    });

    it('validates the filled manifest: a BOT_ID that is not a GUID fails', async () => {
      copy.write('env/.env.local', 'BOT_ID=not-a-guid\nTEAMS_APP_ID=x\n');
      const problems = await validate({ env: 'local', processEnv: {} });
      expect(problems).toEqual(
        expect.arrayContaining([
          'appPackage/manifest.json: no value for ${{AAD_APP_CLIENT_ID}}',
          'appPackage/manifest.json: /bots/0/botId must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"',
        ]),
      );
    });

    it('needs supportsFiles, which photos sent as files in personal chat need', async () => {
      editManifest((m) => {
        (m.bots as Json[])[0]!.supportsFiles = false;
      });
      expect(await validate()).toEqual([
        'manifest.json: bots[0].supportsFiles must be true (photos sent as files in personal chat need it)',
      ]);
    });

    it("needs the SSO resource api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}, on the tab's domain, that the Entra app owns", async () => {
      editManifest((m) => {
        m.webApplicationInfo = { id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://botid-${{BOT_ID}}' };
      });
      expect(await validate()).toEqual([
        "manifest.json: webApplicationInfo.resource must be api://${{BOT_DOMAIN}}/botid-${{BOT_ID}} (SSO for the bot and the tab, on the tab's domain)",
        "manifest.json: webApplicationInfo.resource api://botid-00000000-0000-0000-0000-000000000002 is not one of aad.manifest.json's identifierUris, so Entra would issue no token for it",
      ]);
    });

    it('needs the bot domain and the token service in validDomains', async () => {
      editManifest((m) => {
        m.validDomains = ['${{BOT_DOMAIN}}'];
      });
      expect(await validate()).toEqual(['manifest.json: validDomains must include token.botframework.com']);
    });
  });

  describe('localization', () => {
    it('refuses a localized string over the schema length, naming file, key and limit', async () => {
      const de = copy.readJson('appPackage/de.json');
      de['description.short'] = 'x'.repeat(81);
      copy.writeJson('appPackage/de.json', de);
      const problems = await validate();
      expect(problems).toContain('appPackage/de.json: "description.short" is 81 characters, the limit is 80');
      expect(problems).toContain(
        'appPackage/de.json: /description.short must NOT have more than 80 characters',
      );
    });

    it('refuses an English string over the schema length', async () => {
      editManifest((m) => {
        (m.name as Json).short = 'Teams Photo, the profile photo app';
      });
      expect(await validate()).toContain(
        'appPackage/manifest.json: "name.short" is 34 characters, the limit is 30',
      );
    });

    it("refuses a messaging-extension string over the schema length, in the manifest or a language's file", async () => {
      editManifest((m) => {
        const [extension] = m.composeExtensions as { commands: Json[] }[];
        extension!.commands[1]!.title = 'Groups you own, by name or e-mail';
      });
      const zh = copy.readJson('appPackage/zh-CN.json');
      zh['composeExtensions[0].commands[1].parameters[0].description'] = '组'.repeat(129);
      copy.writeJson('appPackage/zh-CN.json', zh);
      const problems = await validate();
      expect(problems).toContain(
        'appPackage/manifest.json: "composeExtensions[0].commands[1].title" is 33 characters, the limit is 32',
      );
      expect(problems).toContain(
        'appPackage/zh-CN.json: "composeExtensions[0].commands[1].parameters[0].description" is 129 characters, the limit is 128',
      );
    });

    it('validates each localization file against its schema (a key it does not allow)', async () => {
      const ru = copy.readJson('appPackage/ru.json');
      ru['bots[0].commandLists[0].commands[0].hint'] = 'подсказка';
      copy.writeJson('appPackage/ru.json', ru);
      const problems = await validate();
      expect(problems).toContain(
        'appPackage/ru.json: "bots[0].commandLists[0].commands[0].hint" is not a key the localization schema allows',
      );
      expect(problems).toContain(
        'appPackage/ru.json: (root) must NOT have additional properties (bots[0].commandLists[0].commands[0].hint)',
      );
    });

    it('needs a file for every language the bot speaks', async () => {
      editManifest((m) => {
        const info = m.localizationInfo as { additionalLanguages: { languageTag: string }[] };
        info.additionalLanguages = info.additionalLanguages.filter((l) => l.languageTag !== 'zh-CN');
      });
      expect(await validate()).toEqual([
        'manifest.json: localizationInfo lists no zh-CN file',
        'appPackage/zh-CN.json: not listed in localizationInfo',
      ]);
    });

    it('reports a listed file that is missing', async () => {
      copy.remove();
      copy = copyPackage();
      const { rmSync } = await import('node:fs');
      rmSync(`${copy.root}/appPackage/pt-BR.json`);
      expect(await validate()).toEqual(['appPackage/pt-BR.json: missing']);
    });
  });

  describe('icons', () => {
    it('refuses an outline icon with a pixel that is neither white nor transparent', async () => {
      copy.write(
        'appPackage/outline.png',
        await png(32, 32, (x, y) => (x === 5 && y === 5 ? 0xff0000ff : x < 16 ? 0xffffffff : 0)),
      );
      expect(await validate()).toEqual([
        'appPackage/outline.png: 1 pixels are neither white nor transparent',
      ]);
    });

    it('refuses an outline icon with no transparency', async () => {
      copy.write('appPackage/outline.png', await png(32, 32, () => 0xffffffff));
      expect(await validate()).toEqual([
        'appPackage/outline.png: no transparent pixel, the outline must be on transparent',
      ]);
    });

    it('refuses icons of the wrong size', async () => {
      copy.write('appPackage/outline.png', await png(48, 48, (x) => (x < 20 ? 0xffffffff : 0)));
      copy.write('appPackage/color.png', await png(96, 96, (x, y) => 0x2b63c6ff + ((x * y) % 7) * 0x100));
      expect(await validate()).toEqual([
        'appPackage/color.png: 96x96, must be 192x192',
        'appPackage/outline.png: 48x48, must be 32x32',
      ]);
    });

    it('refuses a colour icon that is one flat colour', async () => {
      copy.write('appPackage/color.png', await png(192, 192, () => 0x2b63c6ff));
      expect(await validate()).toEqual(['appPackage/color.png: one flat colour, not an icon']);
    });
  });

  describe('aad.manifest.json', () => {
    function editAad(change: (aad: Json) => void): void {
      const aad = copy.readJson('aad.manifest.json');
      change(aad);
      copy.writeJson('aad.manifest.json', aad);
    }

    it('needs both Teams clients pre-authorized', async () => {
      editAad((aad) => {
        aad.preAuthorizedApplications = (aad.preAuthorizedApplications as Json[]).filter(
          (p) => p.appId !== '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        );
      });
      expect(await validate()).toEqual([
        'aad.manifest.json: Teams web (5e3ce6c0-2b1f-4285-8d4b-75ee78787346) is not pre-authorized',
      ]);
    });

    it('needs the access_as_user scope', async () => {
      editAad((aad) => {
        (aad.oauth2Permissions as Json[])[0]!.value = 'user_impersonation';
      });
      const problems = await validate();
      expect(problems).toContain('aad.manifest.json: oauth2Permissions has no "access_as_user" scope');
      expect(problems).toContain(
        'aad.manifest.json: Teams desktop and mobile (1fec8e78-bce4-4aaf-ab1b-5451cc387264) is not pre-authorized for access_as_user',
      );
    });

    it('needs exactly the Graph permissions of the table: one missing, one extra', async () => {
      editAad((aad) => {
        const graph = (aad.requiredResourceAccess as { resourceAccess: Json[] }[])[0]!;
        // User.ReadWrite.All (application) left out.
        graph.resourceAccess = graph.resourceAccess.filter(
          (a) => a.id !== '741f803b-c850-494e-b5df-cde7c675a1ca',
        );
        // Directory.ReadWrite.All (delegated): more than the app needs.
        graph.resourceAccess.push({ id: 'c5366453-9fb0-48a5-a156-24f0c49a4b84', type: 'Scope' });
      });
      expect(await validate()).toEqual([
        'aad.manifest.json: Microsoft Graph User.ReadWrite.All (Role 741f803b-c850-494e-b5df-cde7c675a1ca) is not requested',
        "aad.manifest.json: Microsoft Graph permission c5366453-9fb0-48a5-a156-24f0c49a4b84/Scope is not in the app's permission table",
      ]);
    });

    it("needs the identifier URI api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}, the manifest's SSO resource", async () => {
      editAad((aad) => {
        aad.identifierUris = ['api://botid-${{BOT_ID}}'];
      });
      expect(await validate()).toEqual([
        'aad.manifest.json: identifierUris must hold api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}',
        "manifest.json: webApplicationInfo.resource api://teams-photo.example.com/botid-00000000-0000-0000-0000-000000000002 is not one of aad.manifest.json's identifierUris, so Entra would issue no token for it",
      ]);
    });
  });

  it("reports the Toolkit yml check's problems when scripts/validate-toolkit-yaml.mjs is there", async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${copy.root}/scripts`);
    copy.write(
      'scripts/validate-toolkit-yaml.mjs',
      'export async function validateToolkitYaml({ projectRoot }) { return [`teamsapp.yml in ${projectRoot.length > 0 ? "the copy" : "?"}: planted`]; }\n',
    );
    expect(await validate()).toEqual(['teamsapp.yml in the copy: planted']);
  });
});
