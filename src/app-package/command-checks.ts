/**
 * The manifest's commands against the bot, for `npm run validate`: the manifest and the bot's routing share one
 * list (`src/bot/bot-commands.ts`), and this check proves the manifest as written still matches it: the scopes
 * the bot is installed in, the command list of each scope, and the messaging extension's commands, each both ways.
 */
import {
  BOT_ARGUMENT_COMMANDS,
  BOT_MESSAGING_EXTENSION_COMMANDS,
  BOT_SCOPES,
  BOT_TEXT_COMMANDS,
  type BotScope,
  type BotTextCommandSpec,
} from '../bot/bot-commands.js';
import { CATALOGS, matchCommand } from '../i18n/index.js';
import { asArray, asObject, asText, type Json } from './json-shape.js';

/** What the bot handles, which the manifest must declare exactly. */
export interface BotCommandSurface {
  /** The commands of the command menu: text commands, then those that take a name. */
  readonly commands: readonly BotTextCommandSpec[];
  /** The messaging-extension command ids. */
  readonly messagingExtensionCommands: readonly string[];
  /** The scopes the bot is installed in. */
  readonly scopes: readonly BotScope[];
}

/** The real bot's surface. */
export const BOT_COMMAND_SURFACE: BotCommandSurface = {
  commands: [...BOT_TEXT_COMMANDS, ...BOT_ARGUMENT_COMMANDS],
  messagingExtensionCommands: BOT_MESSAGING_EXTENSION_COMMANDS,
  scopes: BOT_SCOPES,
};

/** The command a title means, by the bot's own list (a planted list may hold a command matchCommand lacks). */
function commandMeant(
  title: string,
  commands: readonly BotTextCommandSpec[],
): BotTextCommandSpec | undefined {
  const matched = matchCommand(title);
  const routed = commands.find((c) => c.command === matched);
  if (routed !== undefined) return routed;
  const folded = title.normalize('NFC').trim().toLocaleLowerCase('und');
  return commands.find((c) =>
    Object.values(CATALOGS).some((catalog) => catalog[c.word].toLocaleLowerCase('und') === folded),
  );
}

/** `bots[].scopes` against the scopes the bot is built for, both ways. */
function checkScopes(bots: readonly unknown[], expected: readonly BotScope[]): string[] {
  const problems: string[] = [];
  bots.forEach((bot, b) => {
    const declared = asArray(asObject(bot).scopes).map(asText);
    for (const scope of expected) {
      if (!declared.includes(scope)) {
        problems.push(`manifest.json: bots[${b}].scopes lacks "${scope}", where the bot is built to work`);
      }
    }
    for (const scope of declared) {
      if (!(expected as readonly string[]).includes(scope)) {
        problems.push(`manifest.json: bots[${b}].scopes has "${scope}", where the bot is not built to work`);
      }
    }
  });
  return problems;
}

/**
 * Each command list against the bot: every title is a command the bot handles and offers in each of the list's
 * scopes (and every localized title is a word the bot understands as the same command); every command the bot
 * offers in a scope is in that scope's list; a scope has one list.
 */
function checkCommandLists(
  bots: readonly unknown[],
  localized: ReadonlyMap<string, Json>,
  surface: BotCommandSurface,
): string[] {
  const problems: string[] = [];
  bots.forEach((bot, b) => {
    const lists = asArray(asObject(bot).commandLists);
    /** Scope → the commands listed for it, and the index of the list that covers it. */
    const listedIn = new Map<string, { list: number; commands: Set<string> }>();
    lists.forEach((list, l) => {
      const listScopes = asArray(asObject(list).scopes).map(asText);
      const commands = new Set<string>();
      for (const scope of listScopes) {
        const earlier = listedIn.get(scope);
        if (earlier !== undefined) {
          problems.push(
            `manifest.json: bots[${b}].commandLists[${l}] is a second list for "${scope}" (commandLists[${earlier.list}] is the first); Teams shows one`,
          );
        } else listedIn.set(scope, { list: l, commands });
        if (!(surface.scopes as readonly string[]).includes(scope)) {
          problems.push(
            `manifest.json: bots[${b}].commandLists[${l}] lists commands for "${scope}", where the bot is not built to work`,
          );
        }
      }
      asArray(asObject(list).commands).forEach((command, c) => {
        const title = asText(asObject(command).title);
        const where = `bots[${b}].commandLists[${l}].commands[${c}]`;
        const spec = commandMeant(title, surface.commands);
        if (spec === undefined) {
          problems.push(`manifest.json: ${where} "${title}" is a command the bot does not handle`);
          return;
        }
        commands.add(spec.command);
        for (const scope of listScopes) {
          if (!(spec.scopes as readonly string[]).includes(scope)) {
            problems.push(
              `manifest.json: ${where} "${title}" is listed for "${scope}", where the bot does not offer "${spec.command}"`,
            );
          }
        }
        for (const [language, strings] of localized) {
          const key = `${where}.title`;
          const localizedTitle = strings[key];
          if (typeof localizedTitle !== 'string') continue;
          if (commandMeant(localizedTitle, surface.commands)?.command !== spec.command) {
            problems.push(
              `${language}: ${key} "${localizedTitle}" is not a word the bot understands as "${spec.command}"`,
            );
          }
        }
      });
    });
    for (const scope of surface.scopes) {
      const offered = surface.commands.filter((c) => (c.scopes as readonly string[]).includes(scope));
      const listed = listedIn.get(scope);
      if (listed === undefined) {
        if (offered.length > 0) {
          problems.push(
            `manifest.json: bots[${b}] has no command list for "${scope}"; the bot offers ${offered.map((c) => `"${c.command}"`).join(', ')} there`,
          );
        }
        continue;
      }
      for (const { command } of offered) {
        if (!listed.commands.has(command)) {
          problems.push(
            `manifest.json: bots[${b}].commandLists[${listed.list}] (${scope}) does not list "${command}", which the bot offers there`,
          );
        }
      }
    }
  });
  return problems;
}

/** The messaging extension's command ids against those the bot handles, both ways. */
function checkMessagingExtension(manifest: Json, handled: readonly string[]): string[] {
  const problems: string[] = [];
  const declared = asArray(manifest.composeExtensions).flatMap((extension) =>
    asArray(asObject(extension).commands).map((command) => asText(asObject(command).id)),
  );
  for (const id of declared) {
    if (!handled.includes(id)) {
      problems.push(`manifest.json: messaging-extension command "${id}" is not handled by the bot`);
    }
  }
  for (const id of handled) {
    if (!declared.includes(id)) {
      problems.push(
        `manifest.json: the bot handles messaging-extension command "${id}", which the manifest lacks`,
      );
    }
  }
  return problems;
}

/**
 * The manifest (filled) and its localization files (by file name) against the bot: scopes, command lists and
 * messaging extension. Returns the problems, one sentence each.
 */
export function checkCommands(
  manifest: Json,
  localized: ReadonlyMap<string, Json>,
  surface: BotCommandSurface = BOT_COMMAND_SURFACE,
): string[] {
  const bots = asArray(manifest.bots);
  return [
    ...checkScopes(bots, surface.scopes),
    ...checkCommandLists(bots, localized, surface),
    ...checkMessagingExtension(manifest, surface.messagingExtensionCommands),
  ];
}
