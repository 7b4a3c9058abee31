/**
 * The manifest's two command surfaces, in a language, from the lists the bot routes by (`src/bot/bot-commands.ts`):
 * the bot's command menu (`bots[0].commandLists`, one list per scope Teams installs the bot in) and the messaging
 * extension (`composeExtensions[0]`: the message action **Set as group photo** and the search command **Groups**).
 *
 * Only the shape is decided here; the words come from the catalogs, so the English manifest and each
 * `<lang>.json` are written from the same structure, and `localizableStrings` reads any manifest back into the
 * keys a localization file uses (`bots[0].commandLists[1].commands[0].title`, …), for both the writer and the
 * length checks.
 */
import {
  BOT_ARGUMENT_COMMANDS,
  BOT_SCOPES,
  BOT_TEXT_COMMANDS,
  MESSAGE_ACTION_SET_GROUP_PHOTO,
  SEARCH_COMMAND_GROUPS,
  type BotScope,
} from '../bot/bot-commands.js';
import type { MessageKey } from '../i18n/catalog-en.js';
import { CATALOGS, type Locale } from '../i18n/index.js';
import { asArray, asObject, type Json } from './json-shape.js';

/** The placeholder of the bot's id, as everywhere else in the manifest (filled per environment). */
export const BOT_ID_PLACEHOLDER = '${{BOT_ID}}';

/**
 * The name of the search command's one parameter: Teams sends it back in the query (`parameters[].name`), beside
 * `initialRun` when the command opens with no text typed yet.
 */
export const GROUP_NAME_PARAMETER = 'groupName';

/** A messaging-extension parameter: its catalog keys and input type. */
interface ExtensionParameterSpec {
  readonly name: string;
  readonly inputType: 'text';
  readonly title: MessageKey;
  readonly description: MessageKey;
}

/** A messaging-extension command, as the manifest declares it, with catalog keys in place of its words. */
interface ExtensionCommandSpec {
  readonly id: string;
  readonly type: 'action' | 'query';
  readonly context: readonly ('message' | 'compose' | 'commandBox')[];
  readonly title: MessageKey;
  readonly description: MessageKey;
  readonly fetchTask?: boolean;
  readonly initialRun?: boolean;
  readonly parameters?: readonly ExtensionParameterSpec[];
}

/**
 * The messaging extension's commands. `setGroupPhoto` is an action on a message (`fetchTask`: the bot answers
 * with the dialog to pick a group, built when it is opened). `groups` is a search from the compose box and the
 * command box that lists the groups one owns as soon as it opens (`initialRun`), narrowed by what is typed.
 */
export const MESSAGING_EXTENSION_SPECS: readonly ExtensionCommandSpec[] = [
  {
    id: MESSAGE_ACTION_SET_GROUP_PHOTO,
    type: 'action',
    context: ['message'],
    fetchTask: true,
    title: 'app.extension.setGroupPhoto.title',
    description: 'app.extension.setGroupPhoto.description',
  },
  {
    id: SEARCH_COMMAND_GROUPS,
    type: 'query',
    context: ['compose', 'commandBox'],
    initialRun: true,
    title: 'app.extension.groups.title',
    description: 'app.extension.groups.description',
    parameters: [
      {
        name: GROUP_NAME_PARAMETER,
        inputType: 'text',
        title: 'app.extension.groups.parameter.title',
        description: 'app.extension.groups.parameter.description',
      },
    ],
  },
];

/** The bot's command lists in a language: one per scope, text commands first, then those that take a name. */
export function commandLists(locale: Locale, scopes: readonly BotScope[] = BOT_SCOPES) {
  const catalog = CATALOGS[locale];
  const commands = [...BOT_TEXT_COMMANDS, ...BOT_ARGUMENT_COMMANDS];
  return scopes.map((scope) => ({
    scopes: [scope],
    commands: commands
      .filter((command) => (command.scopes as readonly BotScope[]).includes(scope))
      .map(({ word, description }) => ({ title: catalog[word], description: catalog[description] })),
  }));
}

/** The messaging extension in a language: the bot's id, then each command with its words from the catalog. */
export function composeExtensions(locale: Locale) {
  const catalog = CATALOGS[locale];
  return [
    {
      botId: BOT_ID_PLACEHOLDER,
      commands: MESSAGING_EXTENSION_SPECS.map(({ title, description, parameters, ...shape }) => ({
        ...shape,
        title: catalog[title],
        description: catalog[description],
        ...(parameters === undefined
          ? {}
          : {
              parameters: parameters.map((parameter) => ({
                ...parameter,
                title: catalog[parameter.title],
                description: catalog[parameter.description],
              })),
            }),
      })),
    },
  ];
}

/**
 * A manifest's translatable strings under the keys a localization file gives them: the names and descriptions,
 * the static tabs' names, every command list's titles and descriptions, and the messaging extension's. Values are as found (a missing
 * one is `undefined`, which the length check skips and the schema check reports).
 */
export function localizableStrings(manifest: Json): Record<string, unknown> {
  const name = asObject(manifest.name);
  const description = asObject(manifest.description);
  const strings: Record<string, unknown> = {
    'name.short': name.short,
    'name.full': name.full,
    'description.short': description.short,
    'description.full': description.full,
  };
  asArray(manifest.staticTabs).forEach((tab, t) => {
    // The bot's chat (`conversations`) has no name of its own to translate.
    if (asObject(tab).name !== undefined) strings[`staticTabs[${t}].name`] = asObject(tab).name;
  });
  asArray(asObject(asArray(manifest.bots)[0]).commandLists).forEach((list, l) => {
    asArray(asObject(list).commands).forEach((command, c) => {
      const key = `bots[0].commandLists[${l}].commands[${c}]`;
      strings[`${key}.title`] = asObject(command).title;
      strings[`${key}.description`] = asObject(command).description;
    });
  });
  asArray(asObject(asArray(manifest.composeExtensions)[0]).commands).forEach((command, c) => {
    const key = `composeExtensions[0].commands[${c}]`;
    strings[`${key}.title`] = asObject(command).title;
    strings[`${key}.description`] = asObject(command).description;
    asArray(asObject(command).parameters).forEach((parameter, p) => {
      strings[`${key}.parameters[${p}].title`] = asObject(parameter).title;
      strings[`${key}.parameters[${p}].description`] = asObject(parameter).description;
    });
  });
  return strings;
}
