/**
 * The manifest's command menu, in every language, against the real bot: each text command's title Teams would
 * send (the English manifest and each <lang>.json, in every scope's list) reaches the route for its command in
 * TeamsPhotoBot, and every text command the bot routes has a title in each language. (The commands that take a
 * name are routed by their first word, which the bot's own tests cover.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TestAdapter, type TurnContext } from 'botbuilder';
import { BOT_TEXT_COMMANDS } from '../../src/bot/bot-commands.js';
import type { PhotoMessageHandler } from '../../src/bot/handlers/photo-message-handler.js';
import type { UndoHandler } from '../../src/bot/handlers/undo-handler.js';
import { TeamsPhotoBot } from '../../src/bot/teams-photo-bot.js';
import { CATALOGS, pickLocale } from '../../src/i18n/index.js';
import { repoRoot } from './helpers.js';

type Json = Record<string, unknown>;
const read = (file: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'appPackage', file), 'utf8')) as Json;

/** What the bot did with a text: `undo` when the undo route ran, the card's title when it answered with a card. */
async function routeOf(text: string, locale: string): Promise<string> {
  const routes: string[] = [];
  const undo = {
    onText: (context: TurnContext) => {
      routes.push(`undo:${context.activity.text}`);
      return Promise.resolve();
    },
  } as unknown as UndoHandler;
  const bot = new TeamsPhotoBot({ photo: {} as unknown as PhotoMessageHandler, undo, signIn: null });
  const adapter = new TestAdapter((context) => bot.run(context), { channelId: 'msteams', locale });
  await adapter.send({ type: 'message', text, locale }).startTest();
  for (const reply of adapter.activeQueue) {
    const card = reply.attachments?.[0]?.content as { body?: { text?: string }[] } | undefined;
    routes.push(`card:${card?.body?.[0]?.text ?? ''}`);
  }
  return routes.join(',');
}

/** Each text command's title in every command list of the manifest, by file and language. */
function titles(): { file: string; locale: string; command: string; title: string }[] {
  const manifest = read('manifest.json');
  const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
  /** Where each text command is listed (its localization key), found by its English title. */
  const listed = bots[0]!.commandLists.flatMap((list, l) =>
    list.commands.flatMap(({ title }, c) => {
      const spec = BOT_TEXT_COMMANDS.find(({ word }) => CATALOGS.en[word] === title);
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
        command === 'undo' ? `undo:${title}` : `card:${CATALOGS[pickLocale(locale)]['help.title']}`;
      expect({ file, title, route: await routeOf(title, locale) }).toEqual({ file, title, route: expected });
    }
  });

  it('anything else gets the help card (help is the fallback route)', async () => {
    expect(await routeOf('what can you do?', 'de-DE')).toBe(`card:${CATALOGS.de['help.title']}`);
  });
});
