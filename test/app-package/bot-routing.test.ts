/**
 * The manifest's command menu, in every language, against the real bot: each title Teams would send (the English
 * manifest and each <lang>.json) reaches the route for its command in TeamsPhotoBot, and every command the bot
 * routes has a title in each language.
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

/** Each manifest command title, by file and language. */
function titles(): { file: string; locale: string; index: number; title: string }[] {
  const manifest = read('manifest.json');
  const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
  const english = bots[0]!.commandLists[0]!.commands.map((c, index) => ({
    file: 'manifest.json',
    locale: 'en',
    index,
    title: c.title,
  }));
  const found = [...english];
  const languages = (
    manifest.localizationInfo as { additionalLanguages: { languageTag: string; file: string }[] }
  ).additionalLanguages;
  for (const { languageTag, file } of languages) {
    const strings = read(file);
    english.forEach(({ index }) => {
      const title = strings[`bots[0].commandLists[0].commands[${index}].title`];
      found.push({ file, locale: languageTag, index, title: typeof title === 'string' ? title : '' });
    });
  }
  return found;
}

describe('the manifest command menu against the bot', () => {
  it('routes every listed title, in every language, to its command', async () => {
    const all = titles();
    expect(all).toHaveLength(BOT_TEXT_COMMANDS.length * 6);
    for (const { file, locale, index, title } of all) {
      const command = BOT_TEXT_COMMANDS[index]!.command;
      const expected =
        command === 'undo' ? `undo:${title}` : `card:${CATALOGS[pickLocale(locale)]['help.title']}`;
      expect({ file, title, route: await routeOf(title, locale) }).toEqual({ file, title, route: expected });
    }
  });

  it('anything else gets the help card (help is the fallback route)', async () => {
    expect(await routeOf('what can you do?', 'de-DE')).toBe(`card:${CATALOGS.de['help.title']}`);
  });
});
