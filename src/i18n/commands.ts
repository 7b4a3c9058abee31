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

/** What a command with a name asks for: whose photo, and the name typed after the command word (may be empty). */
export interface ArgumentCommandMatch {
  /**
   * `group` (also `team`), `contact`, `remove-own` (`remove my photo`), `remove-group` (`remove group photo`) or
   * `set` (an admin's `set <upn or mail>`: someone else's photo).
   */
  readonly command: 'group' | 'contact' | 'remove-own' | 'remove-group' | 'set';
  /** The rest of the message, trimmed, without surrounding quotes: a group's or contact's name or mail. */
  readonly name: string;
}

/** The command phrases that take a name, folded, longest first (so `remove group photo` wins over shorter ones). */
const PHRASES: readonly (readonly [string, ArgumentCommandMatch['command']])[] = (
  [
    ['command.group', 'group'],
    ['command.team', 'group'],
    ['command.contact', 'contact'],
    ['command.remove', 'remove-own'],
    ['command.removeGroupPhoto', 'remove-group'],
    ['command.set', 'set'],
  ] as const
)
  .flatMap(([key, command]) =>
    SUPPORTED_LOCALES.map((locale) => [fold(CATALOGS[locale][key]), command] as const),
  )
  .sort((a, b) => b[0].length - a[0].length);

/**
 * True when `rest` may follow a command phrase: nothing, a space, or a closing quote or colon (`"group" Sales`,
 * `gruppe: Vertrieb`); after a Chinese phrase anything (Chinese is written without spaces: `群组市场部`).
 */
function endsWord(phrase: string, rest: string): boolean {
  if (rest === '' || /^[\s"'„“”«»‘’:：,，]/u.test(rest)) return true;
  return /\p{Script=Han}$/u.test(phrase);
}

/** Longest message read as a command with a name: a name is short, a long message is a conversation. */
const MAX_ARGUMENT_COMMAND_LENGTH = 300;

/**
 * A command followed by a name, in any supported language: `group Marketing`, `Gruppe „Vertrieb“`,
 * `contact ravi@fabrikam.example`, `remove my photo`, `remove group photo Sales`. The command word must be the
 * message's first word(s); case, Unicode normal form and quotes around the name do not matter.
 * Expects text with the bot's @mention already removed.
 */
export function parseArgumentCommand(text: string | undefined): ArgumentCommandMatch | undefined {
  if (text === undefined || text.length > MAX_ARGUMENT_COMMAND_LENGTH) return undefined;
  const folded = fold(text).replace(/^[\s"'„“”«»‘’/]+/u, '');
  for (const [phrase, command] of PHRASES) {
    if (!folded.startsWith(phrase) || !endsWord(phrase, folded.slice(phrase.length))) continue;
    // The name as typed (not folded): the original text from the same offset, so a display name keeps its case.
    const original = text
      .normalize('NFC')
      .trim()
      .replace(/^[\s"'„“”«»‘’/]+/u, '');
    const name = original
      .slice(phrase.length)
      .trim()
      .replace(/^["'„“”«»‘’:：,，\s]+|["'„“”«»‘’]+$/gu, '')
      .trim();
    // `remove my photo` takes nothing after it; anything more is a different sentence.
    if (command === 'remove-own' && name !== '') return undefined;
    return { command, name };
  }
  return undefined;
}
