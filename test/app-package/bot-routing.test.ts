/**
 * The manifest's command menu, in every language, against the real bot: each text command's title Teams would
 * send (the English manifest and each <lang>.json, in every scope's list) reaches the route for its command in
 * TeamsPhotoBot, and every text command the bot routes has a title in each language. The commands that take a
 * name (group, contact, remove) are routed by their first word(s): each localized title, alone as Teams inserts
 * it and with a name typed after it, reaches its handler whatever language the sender's Teams runs in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import {
  BOT_ARGUMENT_COMMANDS,
  BOT_TEXT_COMMANDS,
  type BotTextCommandSpec,
} from '../../src/bot/bot-commands.js';
import type { AdminHandler } from '../../src/bot/handlers/admin-handler.js';
import type { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import type { RemovePhotoHandler } from '../../src/bot/handlers/remove-photo-handler.js';
import type { TargetPhotoHandler } from '../../src/bot/handlers/target-photo-handler.js';
import type { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { CATALOGS, pickLocale, SUPPORTED_LOCALES } from '../../src/i18n/index.js';
import { repoRoot } from './helpers.js';

type Json = Record<string, unknown>;
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'appPackage', file), 'utf8')) as Json;

/**
 * What the bot did with a text: `undo` when the undo route ran, `group:<name>`, `contact:<name>`, `remove-own` or
 * `remove-group:<name>` when a handler of a command with a name ran, the card's title when it answered with a card.
 */
async function routeOf(text: string, locale: string): Promise<string> {
  const routes: string[] = [];
  const undo = {
    onText: (context: TurnContext) => {
      routes.push(`undo:${context.activity.text}`);
      return Promise.resolve();
    },
  } as unknown as UndoHandler;
  const targets = {
    onCommand: (_context: TurnContext, { command, name }: { command: string; name: string }) => {
      routes.push(`${command}:${name}`);
      return Promise.resolve();
    },
  } as unknown as TargetPhotoHandler;
  const remove = {
    onRemoveOwn: () => {
      routes.push('remove-own');
      return Promise.resolve();
    },
    onRemoveGroup: (_context: TurnContext, name: string) => {
      routes.push(`remove-group:${name}`);
      return Promise.resolve();
    },
  } as unknown as RemovePhotoHandler;
  const admin = {
    onCommand: (context: TurnContext) => {
      routes.push(`admin:${context.activity.text}`);
      return Promise.resolve();
    },
    onSet: (_context: TurnContext, name: string) => {
      routes.push(`set:${name}`);
      return Promise.resolve();
    },
  } as unknown as AdminHandler;
  const privacy = {
    onMyData: (context: TurnContext) => {
      routes.push(`my-data:${context.activity.text}`);
      return Promise.resolve();
    },
    onForgetMe: (context: TurnContext) => {
      routes.push(`forget-me:${context.activity.text}`);
      return Promise.resolve();
    },
    onConfirmForget: () => Promise.reject(new Error('not pressed here')),
  };
  const bot = new TeamsPhotoBot({
    photo: {} as unknown as PhotoMessageHandler,
    privacy,
    undo,
    signIn: null,
    targets,
    remove,
    admin,
  });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams', locale });
  await adapter.send({ type: 'message', text, locale }).startTest();
  for (const reply of adapter.activeQueue) {
    const card = reply.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
    routes.push(`card:${card?.body?.[0]?.text ?? ''}`);
  }
  return routes.join(',');
}

/** Each command's title in every command list of the manifest, by file and language (text commands by default). */
function titles(
  commands: readonly BotTextCommandSpec[] = BOT_TEXT_COMMANDS,
): { file: string; locale: string; command: string; title: string }[] {
  const manifest = read('manifest.json');
  const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
  /** Where each command is listed (its localization key), found by its English title. */
  const listed = bots[0]!.commandLists.flatMap((list, l) =>
    list.commands.flatMap(({ title }, c) => {
      const spec = commands.find(({ word }) => CATALOGS.en[word] === title);
      return spec
        ? [{ key: `bots[0].commandLists[${l}].commands[${c}].title`, command: spec.command, title }]
        : [];
    }),
  );
  const found = listed.map(({ command, title }) => ({ file: 'manifest.json', locale: 'en', command, title }));
  const languages = (
    manifest.localizationInfo as { additionalLanguages: { languageTag: string; file: string }[] }
  ).additionalLanguages;
  for (const { languageTag, file } of languages) {
    const strings = read(file);
    for (const { key, command } of listed) {
      const title = strings[key];
      found.push({ file, locale: languageTag, command, title: typeof title === 'string' ? title : '' });
    }
  }
  return found;
}

describe('the manifest command menu against the bot', () => {
  it('routes every listed title, in every language, to its command', async () => {
    const all = titles();
    // help in each of the three lists, undo in the personal one; in six languages.
    const listings = BOT_TEXT_COMMANDS.reduce((n, c) => n + c.scopes.length, 0);
    expect(all).toHaveLength(listings * 6);
    for (const { file, locale, command, title } of all) {
      const expected =
        command === 'undo' || command === 'admin' || command === 'my-data' || command === 'forget-me'
          ? `${command}:${title}`
          : `card:${CATALOGS[pickLocale(locale)]['help.title']}`;
      expect({ file, title, route: await routeOf(title, locale) }).toEqual({ file, title, route: expected });
    }
  });

  it('routes every listed title of a command with a name, in every language, to its handler', async () => {
    const all = titles(BOT_ARGUMENT_COMMANDS);
    // group in each of the three lists, contact and remove in the personal one; in six languages.
    const listings = BOT_ARGUMENT_COMMANDS.reduce((n, c) => n + c.scopes.length, 0);
    expect(all).toHaveLength(listings * 6);
    for (const { file, locale: language, command, title } of all) {
      // The words of the file's language (what people are told to type), not an English fallback.
      const word = BOT_ARGUMENT_COMMANDS.find((spec) => spec.command === command)?.word ?? 'command.group';
      expect({ file, title }).toEqual({ file, title: CATALOGS[pickLocale(language)][word] });
      // Whatever language the sender's Teams runs in: a German title typed in an English Teams still works.
      for (const locale of SUPPORTED_LOCALES) {
        if (command === 'remove') {
          expect({ file, title, locale, route: await routeOf(title, locale) }).toEqual({
            file,
            title,
            locale,
            route: 'remove-own',
          });
          continue;
        }
        // Teams puts the title in the compose box; the person adds the name (and may leave it out).
        expect({ file, title, locale, route: await routeOf(`${title} Équipe Café`, locale) }).toEqual({
          file,
          title,
          locale,
          route: `${command}:Équipe Café`,
        });
        expect({ file, title, locale, route: await routeOf(title, locale) }).toEqual({
          file,
          title,
          locale,
          route: `${command}:`,
        });
      }
    }
  });

  it("routes each language's remove group photo phrase, with a group's name, to the group removal", async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const phrase = CATALOGS[locale]['command.removeGroupPhoto'];
      expect({ locale, route: await routeOf(`${phrase} Équipe Café`, 'en-US') }).toEqual({
        locale,
        route: 'remove-group:Équipe Café',
      });
    }
  });

  it("routes each language's set phrase, with a person, to the admin handler (whatever the Teams language)", async () => {
    for (const locale of SUPPORTED_LOCALES) {
      const phrase = CATALOGS[locale]['command.set'];
      for (const teams of ['en-US', 'de-DE', 'zh-CN']) {
        expect({ locale, teams, route: await routeOf(`${phrase} adelev@example.com`, teams) }).toEqual({
          locale,
          teams,
          route: 'set:adelev@example.com',
        });
      }
    }
  });

  it('anything else gets the help card (help is the fallback route)', async () => {
    expect(await routeOf('what can you do?', 'de-DE')).toBe(`card:${CATALOGS.de['help.title']}`);
  });
});
