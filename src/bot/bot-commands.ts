/**
 * The commands the bot lists in Teams' command menu: one list that the bot's routing
 * (`teams-photo-bot.ts`, through `matchCommand`) and the app package (`appPackage/manifest.json`'s
 * `commandLists`, written and checked by `src/app-package/`) both read, so the two cannot drift apart.
 *
 * Each command names its catalog keys: `word`, what a person types (and the command's title in the
 * manifest, in each language), and `description`, the line Teams shows under it.
 */
import type { MessageKey } from '../i18n/catalog-en.js';

/** A text command: what the bot does with it is decided in `teams-photo-bot.ts`, one route per command. */
export interface BotTextCommandSpec {
  readonly command: string;
  readonly word: MessageKey;
  readonly description: MessageKey;
}

/** Every text command the bot understands as a whole message, in the order Teams lists them. */
export const BOT_TEXT_COMMANDS = [
  { command: 'help', word: 'command.help', description: 'app.command.help.description' },
  { command: 'undo', word: 'command.undo', description: 'app.command.undo.description' },
] as const satisfies readonly BotTextCommandSpec[];

/** A text command the bot understands: `'help' | 'undo'`. */
export type BotTextCommand = (typeof BOT_TEXT_COMMANDS)[number]['command'];

/**
 * The messaging-extension commands the bot handles (`composeExtensions[].commands[].id`): none yet. The app
 * package's check refuses a manifest that lists one the bot does not handle, and the reverse.
 */
export const BOT_MESSAGING_EXTENSION_COMMANDS: readonly string[] = [];

/** The scopes the bot is installed in now; `team` and `groupChat` come with group photos. */
export const BOT_SCOPES = ['personal'] as const;
