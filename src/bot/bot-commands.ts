/**
 * The commands the bot lists in Teams' command menu: one list that the bot's routing
 * (`teams-photo-bot.ts`, through `matchCommand`) and the app package (`appPackage/manifest.json`'s
 * `commandLists`, written and checked by `src/app-package/`) both read, so the two cannot drift apart.
 *
 * Each command names its catalog keys: `word`, what a person types (and the command's title in the
 * manifest, in each language), and `description`, the line Teams shows under it.
 */
import type { MessageKey } from '../i18n/catalog-en.js';

/** The scopes a bot can be installed in (the manifest's `bots[].scopes`). */
export type BotScope = 'personal' | 'team' | 'groupChat';

/** A text command: what the bot does with it is decided in `teams-photo-bot.ts`, one route per command. */
export interface BotTextCommandSpec {
  readonly command: string;
  readonly word: MessageKey;
  readonly description: MessageKey;
  /** Where Teams lists it (the manifest has one command list per scope). */
  readonly scopes: readonly BotScope[];
}

/** Every text command the bot understands as a whole message, in the order Teams lists them. */
export const BOT_TEXT_COMMANDS = [
  {
    command: 'help',
    word: 'command.help',
    description: 'app.command.help.description',
    scopes: ['personal', 'team', 'groupChat'],
  },
  {
    command: 'undo',
    word: 'command.undo',
    description: 'app.command.undo.description',
    scopes: ['personal'],
  },
  {
    // Admins only (the bot checks on the server each time); listed for everyone, as Teams cannot tell who is one.
    command: 'admin',
    word: 'command.admin',
    description: 'app.command.admin.description',
    scopes: ['personal'],
  },
  {
    // What the app keeps about the sender (issue 18); personal chat only, the bot says so elsewhere.
    command: 'my-data',
    word: 'command.myData',
    description: 'app.command.myData.description',
    scopes: ['personal'],
  },
  {
    // Deletes the sender's backups, waiting items and requests, after a confirmation card (issue 18).
    command: 'forget-me',
    word: 'command.forgetMe',
    description: 'app.command.forgetMe.description',
    scopes: ['personal'],
  },
] as const satisfies readonly BotTextCommandSpec[];

/**
 * Commands followed by a name (`group Marketing`, `contact Ravi`, `remove my photo`): the first word picks the
 * command in any language (`src/i18n/commands.ts`), the rest is the name. Teams lists them beside the text
 * commands, so people find them; the bot routes them in `teams-photo-bot.ts`.
 */
export const BOT_ARGUMENT_COMMANDS = [
  {
    command: 'group',
    word: 'command.group',
    description: 'app.command.group.description',
    scopes: ['personal', 'team', 'groupChat'],
  },
  {
    command: 'contact',
    word: 'command.contact',
    description: 'app.command.contact.description',
    scopes: ['personal'],
  },
  {
    command: 'remove',
    word: 'command.remove',
    description: 'app.command.remove.description',
    scopes: ['personal'],
  },
] as const satisfies readonly BotTextCommandSpec[];

/** A command that takes a name: `'group' | 'contact' | 'remove'`. */
export type BotArgumentCommand = (typeof BOT_ARGUMENT_COMMANDS)[number]['command'];

/** A text command the bot understands: `'help' | 'undo' | 'admin' | 'my-data' | 'forget-me'`. */
export type BotTextCommand = (typeof BOT_TEXT_COMMANDS)[number]['command'];

/**
 * The messaging-extension commands the bot handles (`composeExtensions[].commands[].id`): the message action
 * **Set as group photo** and the search command **Groups**. The app package's check refuses a manifest that lists
 * one the bot does not handle, and the reverse.
 */
export const MESSAGE_ACTION_SET_GROUP_PHOTO = 'setGroupPhoto';
export const SEARCH_COMMAND_GROUPS = 'groups';
export const BOT_MESSAGING_EXTENSION_COMMANDS: readonly string[] = [
  MESSAGE_ACTION_SET_GROUP_PHOTO,
  SEARCH_COMMAND_GROUPS,
];

/** The scopes the bot is installed in: personal chat, and teams and group chats for their groups' photos. */
export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const satisfies readonly BotScope[];
