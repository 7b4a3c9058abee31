/**
 * The words a person types to the bot ("undo", "help"), in every language the bot speaks.
 *
 * The help text tells people to type `command.undo` / `command.help` of their language; this module accepts
 * those words from any catalog, so a German speaker whose Teams runs in English (or the reverse) is still
 * understood.
 */
import { BOT_TEXT_COMMANDS, type BotTextCommand } from '../bot/bot-commands.js';
import { CATALOGS } from './translate.js';
import { SUPPORTED_LOCALES } from './locales.js';

/** The commands the bot understands as a whole message (the list is `BOT_TEXT_COMMANDS`, src/bot/bot-commands.ts). */
export type BotCommand = BotTextCommand;

/** Folded word → command, across every catalog. */
const WORDS = new Map<string, BotCommand>(
  BOT_TEXT_COMMANDS.flatMap(({ command, word }) =>
    SUPPORTED_LOCALES.map((locale) => [fold(CATALOGS[locale][word]), command] as const),
  ),
);

/** Case-folded, Unicode-normalised (so a decomposed "ü" typed on some keyboards still matches), trimmed. */
function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('und').trim();
}

/**
 * The command a whole message asks for, or `undefined` for anything else. Matches one word in any supported
 * language, ignoring case, surrounding quotes and spaces, and closing punctuation (`Undo!`, `„Hilfe“`, `撤销。`).
 * Expects text with the bot's @mention already removed (`TurnContext.removeRecipientMention`).
 */
export function matchCommand(text: string | undefined): BotCommand | undefined {
  if (text === undefined) return undefined;
  // Bounded: a long message is never a command, and the regexes below then never see it.
  if (text.length > 40) return undefined;
  const word = fold(text)
    .replace(/^[\s"'„“”«»‘’/]+/u, '')
    .replace(/[\s"'„“”«»‘’.!?。！？]+$/u, '');
  return WORDS.get(word);
}
