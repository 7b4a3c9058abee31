/**
 * The manifest's commands against the bot, for `npm run validate`: the manifest and the bot's routing share one
 * list (`src/bot/bot-commands.ts`), and this check proves the manifest as written still matches it.
 */
import {
  BOT_MESSAGING_EXTENSION_COMMANDS,
  BOT_TEXT_COMMANDS,
  type BotTextCommandSpec,
} from '../bot/bot-commands.js';
import { CATALOGS, matchCommand } from '../i18n/index.js';
import { asArray, asObject, asText, type Json } from './json-shape.js';

/**
 * The manifest's command lists against the bot: every command listed must be one the bot routes (its title a
 * word `matchCommand` maps to that command), and every bot command must be listed in each command list. The
 * localized titles must be words the bot understands too, for the same command.
 */
export function checkCommands(
  manifest: Json,
  localized: ReadonlyMap<string, Json>,
  botCommands: readonly BotTextCommandSpec[] = BOT_TEXT_COMMANDS,
  messagingExtensionCommands: readonly string[] = BOT_MESSAGING_EXTENSION_COMMANDS,
): string[] {
  const problems: string[] = [];
  const known = new Set(botCommands.map((c) => c.command));
  /** The command a title means: the bot's own list decides (a planted list may hold a command matchCommand lacks). */
  const commandOf = (title: string): string | undefined => {
    const matched = matchCommand(title);
    if (matched !== undefined && known.has(matched)) return matched;
    const folded = title.trim().toLocaleLowerCase('und');
    return botCommands.find((c) =>
      Object.values(CATALOGS).some((catalog) => catalog[c.word].toLocaleLowerCase('und') === folded),
    )?.command;
  };
  const bots = asArray(manifest.bots);
  bots.forEach((bot, botIndex) => {
    const lists = asArray(asObject(bot).commandLists);
    if (lists.length === 0 && botCommands.length > 0) {
      problems.push(
        `manifest.json: bots[${botIndex}] lists no commands; the bot understands ${[...known].join(', ')}`,
      );
    }
    lists.forEach((list, listIndex) => {
      const commands = asArray(asObject(list).commands);
      const listed = new Set<string>();
      commands.forEach((command, commandIndex) => {
        const title = asText(asObject(command).title);
        const handled = commandOf(title);
        const where = `bots[${botIndex}].commandLists[${listIndex}].commands[${commandIndex}]`;
        if (handled === undefined) {
          problems.push(`manifest.json: ${where} "${title}" is a command the bot does not handle`);
          return;
        }
        listed.add(handled);
        for (const [language, strings] of localized) {
          const key = `${where}.title`;
          const localizedTitle = strings[key];
          if (typeof localizedTitle !== 'string') continue;
          if (commandOf(localizedTitle) !== handled) {
            problems.push(
              `${language}: ${key} "${localizedTitle}" is not a word the bot understands as "${handled}"`,
            );
          }
        }
      });
      for (const command of known) {
        if (!listed.has(command)) {
          problems.push(
            `manifest.json: bots[${botIndex}].commandLists[${listIndex}] does not list "${command}", which the bot understands`,
          );
        }
      }
    });
  });
  const extensionCommands = asArray(manifest.composeExtensions).flatMap((extension) =>
    asArray(asObject(extension).commands).map((command) => asText(asObject(command).id)),
  );
  for (const id of extensionCommands) {
    if (!messagingExtensionCommands.includes(id)) {
      problems.push(`manifest.json: messaging-extension command "${id}" is not handled by the bot`);
    }
  }
  for (const id of messagingExtensionCommands) {
    if (!extensionCommands.includes(id)) {
      problems.push(
        `manifest.json: the bot handles messaging-extension command "${id}", which the manifest lacks`,
      );
    }
  }
  return problems;
}
