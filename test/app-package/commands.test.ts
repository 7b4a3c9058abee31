/**
 * The command checks of `npm run validate` (src/app-package/command-checks.ts): the bot's scopes, one command list
 * per scope with exactly the commands the bot offers there, and the messaging extension's commands, each both
 * ways. Every test breaks one thing in a copy of the package and sees it refused, so removing a check fails one.
 */
import { BOT_ARGUMENT_COMMANDS, BOT_TEXT_COMMANDS } from '../../src/bot/bot-commands.js';
import { validateAppPackage } from '../../src/app-package/validate.js';
import { copyPackage, type PackageCopy } from './helpers.js';

type Json = Record<string, unknown>;
type Command = { title: string; description?: string };
type CommandList = { scopes: string[]; commands: Command[] };

let copy: PackageCopy;
beforeEach(() => {
  copy = copyPackage();
});
afterEach(() => {
  copy.remove();
});

/** Validates the copy without the comparison with the generators (the edits below are by hand on purpose). */
const validate = (extra: Partial<Parameters<typeof validateAppPackage>[0]> = {}) =>
  validateAppPackage({ root: copy.root, checkGenerated: false, ...extra });

function editManifest(change: (manifest: Json) => void): void {
  const manifest = copy.readJson('appPackage/manifest.json');
  change(manifest);
  copy.writeJson('appPackage/manifest.json', manifest);
}

const botOf = (manifest: Json) => (manifest.bots as Json[])[0]!;
const listsOf = (manifest: Json) => botOf(manifest).commandLists as CommandList[];
const listFor = (manifest: Json, scope: string) => listsOf(manifest).find((l) => l.scopes.includes(scope))!;
const extensionCommandsOf = (manifest: Json) =>
  (manifest.composeExtensions as { commands: Json[] }[])[0]!.commands;

describe('the committed manifest', () => {
  it('has one command list per scope, each with the commands the bot offers there, text commands first', () => {
    const manifest = copy.readJson('appPackage/manifest.json');
    expect(botOf(manifest).scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(listsOf(manifest).map((l) => [l.scopes, l.commands.map((c) => c.title)])).toEqual([
      [
        ['personal'],
        ['help', 'undo', 'admin', 'my data', 'forget me', 'group', 'contact', 'remove my photo'],
      ],
      [['team'], ['help', 'group']],
      [['groupChat'], ['help', 'group']],
    ]);
    expect([...BOT_TEXT_COMMANDS, ...BOT_ARGUMENT_COMMANDS].map((c) => c.command)).toEqual([
      'help',
      'undo',
      'admin',
      'my-data',
      'forget-me',
      'group',
      'contact',
      'remove',
    ]);
  });

  it('declares the message action and the search command for the same bot', () => {
    const manifest = copy.readJson('appPackage/manifest.json');
    const [extension] = manifest.composeExtensions as Json[];
    expect(extension!.botId).toBe('${{BOT_ID}}');
    expect(extensionCommandsOf(manifest)).toEqual([
      {
        id: 'setGroupPhoto',
        type: 'action',
        context: ['message'],
        fetchTask: true,
        title: 'Set as group photo',
        description: expect.any(String) as unknown,
      },
      {
        id: 'groups',
        type: 'query',
        context: ['compose', 'commandBox'],
        initialRun: true,
        title: 'Groups',
        description: expect.any(String) as unknown,
        parameters: [
          {
            name: 'groupName',
            inputType: 'text',
            title: 'Group name',
            description: expect.any(String) as unknown,
          },
        ],
      },
    ]);
  });
});

describe('bot scopes', () => {
  it('refuses a manifest that leaves out a scope the bot is built for', async () => {
    editManifest((m) => {
      botOf(m).scopes = ['personal', 'groupChat'];
    });
    expect(await validate()).toEqual([
      'manifest.json: bots[0].scopes lacks "team", where the bot is built to work',
    ]);
  });

  it('refuses a scope the bot is not built for', async () => {
    expect(await validate({ botScopes: ['personal', 'team'] })).toEqual([
      'manifest.json: bots[0].scopes has "groupChat", where the bot is not built to work',
      'manifest.json: bots[0].commandLists[2] lists commands for "groupChat", where the bot is not built to work',
    ]);
  });
});

describe('command lists', () => {
  it('refuses a command the bot has no handler for', async () => {
    editManifest((m) => listFor(m, 'personal').commands.push({ title: 'rotate', description: 'Turn it' }));
    // After every command the personal list has (the text commands and the commands with a name).
    const at = [...BOT_TEXT_COMMANDS, ...BOT_ARGUMENT_COMMANDS].filter((c) =>
      (c.scopes as readonly string[]).includes('personal'),
    ).length;
    expect(await validate()).toEqual([
      `manifest.json: bots[0].commandLists[0].commands[${at}] "rotate" is a command the bot does not handle`,
    ]);
  });

  it('refuses a command listed for a scope where the bot does not offer it', async () => {
    editManifest((m) => listFor(m, 'team').commands.push({ title: 'undo', description: 'Undo' }));
    expect(await validate()).toEqual([
      'manifest.json: bots[0].commandLists[1].commands[2] "undo" is listed for "team", where the bot does not offer "undo"',
    ]);
  });

  it('refuses a list that leaves out a command the bot offers in its scope', async () => {
    editManifest((m) => {
      const list = listFor(m, 'groupChat');
      list.commands = list.commands.filter((c) => c.title !== 'group');
    });
    expect(await validate()).toEqual([
      'manifest.json: bots[0].commandLists[2] (groupChat) does not list "group", which the bot offers there',
    ]);
  });

  it('refuses a manifest without a list for a scope the bot offers commands in', async () => {
    editManifest((m) => {
      botOf(m).commandLists = listsOf(m).filter((l) => !l.scopes.includes('team'));
    });
    expect(await validate()).toEqual([
      'manifest.json: bots[0] has no command list for "team"; the bot offers "help", "group" there',
    ]);
  });

  it('refuses a second list for the same scope', async () => {
    editManifest((m) => {
      listsOf(m)[2]!.scopes = ['personal'];
    });
    const problems = await validate();
    expect(problems).toContain(
      'manifest.json: bots[0].commandLists[2] is a second list for "personal" (commandLists[0] is the first); Teams shows one',
    );
  });

  it('refuses the manifest when the bot gains a command it does not list', async () => {
    const withRotate = [
      ...BOT_TEXT_COMMANDS,
      ...BOT_ARGUMENT_COMMANDS,
      { command: 'rotate', word: 'photo.after', description: 'photo.before', scopes: ['team'] } as const,
    ];
    expect(await validate({ botCommands: withRotate })).toEqual([
      'manifest.json: bots[0].commandLists[1] (team) does not list "rotate", which the bot offers there',
    ]);
  });

  it('refuses a localized title the bot would not understand as that command', async () => {
    const es = copy.readJson('appPackage/es.json');
    es['bots[0].commandLists[0].commands[1].title'] = 'revertir';
    // Another command's word: still a word the bot knows, but not for "group".
    es['bots[0].commandLists[1].commands[1].title'] = es['bots[0].commandLists[0].commands[0].title'];
    copy.writeJson('appPackage/es.json', es);
    expect(await validate()).toEqual([
      'appPackage/es.json: bots[0].commandLists[0].commands[1].title "revertir" is not a word the bot understands as "undo"',
      `appPackage/es.json: bots[0].commandLists[1].commands[1].title "${String(es['bots[0].commandLists[0].commands[0].title'])}" is not a word the bot understands as "group"`,
    ]);
  });
});

describe('messaging extension', () => {
  it('refuses a command the bot does not handle', async () => {
    editManifest((m) => {
      extensionCommandsOf(m).push({ id: 'cropPhoto', type: 'action', title: 'Crop', fetchTask: true });
    });
    expect(await validate()).toEqual([
      'manifest.json: messaging-extension command "cropPhoto" is not handled by the bot',
    ]);
  });

  it('refuses a manifest without a command the bot handles', async () => {
    editManifest((m) => {
      const extension = (m.composeExtensions as { commands: Json[] }[])[0]!;
      extension.commands = extension.commands.filter((c) => c.id !== 'groups');
    });
    expect(await validate()).toEqual([
      'manifest.json: the bot handles messaging-extension command "groups", which the manifest lacks',
    ]);
    expect(await validate({ messagingExtensionCommands: ['setGroupPhoto'] })).toEqual([]);
  });

  it('refuses a messaging extension for another bot', async () => {
    editManifest((m) => {
      (m.composeExtensions as Json[])[0]!.botId = '44444444-5555-4666-8777-888888888888';
    });
    expect(await validate()).toEqual([
      'manifest.json: composeExtensions[0].botId must be ${{BOT_ID}} (the same bot)',
    ]);
  });
});
