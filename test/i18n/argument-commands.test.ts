/**
 * The commands that take a name (`group`, `team`, `contact`, `remove my photo`, `remove group photo`) in every
 * language the bot speaks: `parseArgumentCommand` understands each catalog's phrase at the start of a message,
 * whatever the sender's Teams language; the name after it keeps its case and accents; no phrase of one command
 * starts another command's phrase or is a whole-message command (`undo`, `help`); and every help line and hint
 * quotes the words that language's catalog makes the bot understand.
 *
 * The phrases are read from the catalogs where a test covers all six languages; the examples of each language
 * are written out, so a catalog that kept an English copy, or a parser that lost a language, fails here.
 */
import {
  CATALOGS,
  matchCommand,
  parseArgumentCommand,
  SUPPORTED_LOCALES,
  type ArgumentCommandMatch,
  type MessageKey,
} from '../../src/i18n/index.js';

type Command = ArgumentCommandMatch['command'];

/** Each phrase key and the command it means. */
const PHRASE_KEYS: readonly (readonly [MessageKey, Command])[] = [
  ['command.group', 'group'],
  ['command.team', 'group'],
  ['command.contact', 'contact'],
  ['command.remove', 'remove-own'],
  ['command.removeGroupPhoto', 'remove-group'],
];

/** Every language's phrases: which language, which key, the phrase as the catalog spells it, its command. */
const PHRASES = SUPPORTED_LOCALES.flatMap((locale) =>
  PHRASE_KEYS.map(([key, command]) => ({ locale, key, phrase: CATALOGS[locale][key], command })),
);

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('und').trim();

describe('parseArgumentCommand', () => {
  it.each([
    ['group Marketing', 'group', 'Marketing'],
    ['Gruppe „Équipe Café“', 'group', 'Équipe Café'],
    ['GRUPPE équipe CAFÉ', 'group', 'équipe CAFÉ'],
    ['Team Vertrieb', 'group', 'Vertrieb'],
    ['Kontakt Ravi Kumar', 'contact', 'Ravi Kumar'],
    ['mein Foto entfernen', 'remove-own', ''],
    ['Gruppenfoto entfernen „Vertrieb Süd“', 'remove-group', 'Vertrieb Süd'],
    ['grupo "Équipe Café"', 'group', 'Équipe Café'],
    ['equipo Ventas', 'group', 'Ventas'],
    ['contacto María José', 'contact', 'María José'],
    ['Quitar mi foto', 'remove-own', ''],
    ['quitar foto del grupo Ventas', 'remove-group', 'Ventas'],
    ['equipe Vendas', 'group', 'Vendas'],
    ['contato João', 'contact', 'João'],
    ['remover minha foto', 'remove-own', ''],
    ['remover foto do grupo Vendas', 'remove-group', 'Vendas'],
    ['группа «Маркетинг»', 'group', 'Маркетинг'],
    ['Команда Продажи', 'group', 'Продажи'],
    ['контакт Анна Смирнова', 'contact', 'Анна Смирнова'],
    ['удалить фото профиля', 'remove-own', ''],
    ['Удалить фото группы Маркетинг', 'remove-group', 'Маркетинг'],
    ['群组 “市场部”', 'group', '市场部'],
    ['团队 销售部', 'group', '销售部'],
    ['联系人 王芳', 'contact', '王芳'],
    ['删除我的照片', 'remove-own', ''],
    ['删除群组照片 市场部', 'remove-group', '市场部'],
    ['  "group Marketing"  ', 'group', 'Marketing'],
    ['contact ravi@fabrikam.example', 'contact', 'ravi@fabrikam.example'],
    // Chinese is written without spaces; a quote or a colon right after the word ends it too.
    ['群组市场部', 'group', '市场部'],
    ['联系人王芳', 'contact', '王芳'],
    ['"group" Marketing', 'group', 'Marketing'],
    ['„Gruppe“ Vertrieb', 'group', 'Vertrieb'],
    ['gruppe: Vertrieb', 'group', 'Vertrieb'],
  ] as const)('%j is %s %j', (text, command, name) => {
    expect(parseArgumentCommand(text)).toEqual({ command, name });
  });

  it('reads a decomposed accent (as some keyboards type it) as the composed one, in the command and the name', () => {
    expect(parseArgumentCommand('Gruppe „Équipe Café“'.normalize('NFD'))).toEqual({
      command: 'group',
      name: 'Équipe Café',
    });
    expect(parseArgumentCommand('Quitar foto del grupo Señales'.normalize('NFD'))).toEqual({
      command: 'remove-group',
      name: 'Señales',
    });
  });

  it.each(PHRASES)(
    "$locale $key ($phrase) is understood, with a name after it, whatever the sender's language",
    ({ phrase, command }) => {
      if (command === 'remove-own') {
        expect(parseArgumentCommand(phrase)).toEqual({ command, name: '' });
        expect(parseArgumentCommand(phrase.toLocaleUpperCase('und'))).toEqual({ command, name: '' });
        return;
      }
      expect(parseArgumentCommand(`${phrase} Équipe Café`)).toEqual({ command, name: 'Équipe Café' });
      expect(parseArgumentCommand(`${phrase} "O'Brien & Co"`)).toEqual({ command, name: "O'Brien & Co" });
      // On its own: the command without a name (the handler then asks which one, or takes the team's).
      expect(parseArgumentCommand(phrase)).toEqual({ command, name: '' });
    },
  );

  it('does not take a word that only begins with a command word (in a language written with spaces)', () => {
    expect(parseArgumentCommand('groupthink is bad')).toBeUndefined();
    expect(parseArgumentCommand('contacts please')).toBeUndefined();
  });

  it.each(SUPPORTED_LOCALES)('%s: "remove my photo" with anything after it is not a command', (locale) => {
    const phrase = CATALOGS[locale]['command.remove'];
    expect(parseArgumentCommand(`${phrase} please`)).toBeUndefined();
    expect(parseArgumentCommand(`${phrase} Marketing`)).toBeUndefined();
  });

  it('refuses a long message, which is a conversation rather than a name', () => {
    expect(parseArgumentCommand(`group ${'x'.repeat(290)}`)).toEqual({
      command: 'group',
      name: 'x'.repeat(290),
    });
    expect(parseArgumentCommand(`group ${'x'.repeat(300)}`)).toBeUndefined();
    expect(parseArgumentCommand(`Gruppe ${'x'.repeat(300)}`)).toBeUndefined();
  });

  it.each([
    '',
    'my group Marketing',
    'please remove my photo',
    'groups',
    'Gruppenfoto',
    'gruppenfotos entfernen Vertrieb',
    'contacts Ravi',
    'grupos Ventas',
  ])('%j is no command', (text) => {
    expect(parseArgumentCommand(text)).toBeUndefined();
  });

  it('ignores undefined', () => {
    expect(parseArgumentCommand(undefined)).toBeUndefined();
  });

  it.each(SUPPORTED_LOCALES)('%s: "undo" and "help" stay whole-message commands', (locale) => {
    for (const key of ['command.undo', 'command.help'] as const) {
      const word = CATALOGS[locale][key];
      expect({ word, argument: parseArgumentCommand(word) }).toEqual({ word, argument: undefined });
      expect({ word, argument: parseArgumentCommand(`${word} Marketing`) }).toEqual({
        word,
        argument: undefined,
      });
    }
  });
});

describe('the command phrases across languages', () => {
  const wholeMessageWords = SUPPORTED_LOCALES.flatMap((locale) =>
    (['command.undo', 'command.help'] as const).map((key) => fold(CATALOGS[locale][key])),
  );

  it('are lower case and short enough to type, and none is "undo" or "help" in any language', () => {
    for (const { locale, key, phrase } of PHRASES) {
      expect({ locale, key, lower: phrase === phrase.toLocaleLowerCase('und') }).toEqual({
        locale,
        key,
        lower: true,
      });
      expect({ locale, key, short: phrase.length <= 32 }).toEqual({ locale, key, short: true });
      expect({ locale, key, clash: wholeMessageWords.includes(fold(phrase)) }).toEqual({
        locale,
        key,
        clash: false,
      });
      // matchCommand would otherwise take a bare command word for undo or help.
      expect({ locale, key, matched: matchCommand(phrase) }).toEqual({ locale, key, matched: undefined });
    }
  });

  it("never begin with another command's phrase, in any language, so the longest match is the right one", () => {
    const clashes: string[] = [];
    for (const a of PHRASES) {
      for (const b of PHRASES) {
        if (a.command === b.command) continue;
        const shorter = fold(a.phrase);
        const longer = fold(b.phrase);
        if (longer === shorter || (longer.startsWith(shorter) && /^\s/u.test(longer.slice(shorter.length)))) {
          clashes.push(`${b.locale} ${b.key} "${b.phrase}" starts with ${a.locale} ${a.key} "${a.phrase}"`);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('route a name that starts like another command word to the command typed first', () => {
    // "team" is a command word, but here it is the start of a group's name.
    expect(parseArgumentCommand('group Team Alpha')).toEqual({ command: 'group', name: 'Team Alpha' });
    expect(parseArgumentCommand('gruppenfoto entfernen Gruppe Nord')).toEqual({
      command: 'remove-group',
      name: 'Gruppe Nord',
    });
    expect(parseArgumentCommand('kontakt Kontakt Müller')).toEqual({
      command: 'contact',
      name: 'Kontakt Müller',
    });
  });
});

/** The text between quotes, as each language writes them: "…", „…“, «…», “…”. */
function quoted(text: string): string[] {
  return [...text.matchAll(/["„“«]([^"„“”«»]+)["“”»]/gu)].map((match) => match[1] ?? '');
}

/** Where the bot tells people what to type, and the commands each place names. */
const HINTS: readonly (readonly [MessageKey, readonly Command[]])[] = [
  ['help.group', ['group']],
  ['help.contact', ['contact']],
  ['help.remove', ['remove-own', 'remove-group']],
  ['group.whichOne', ['group']],
  ['group.teamOnlyInChannel', ['group']],
  ['contact.whichOne', ['contact']],
  ['remove.whichOne', ['remove-own', 'remove-group']],
  ['NoRecentImage.next', ['group']],
  ['channel.imageNeedsCommand', ['group']],
  ['app.command.group.description', ['group']],
  ['app.command.contact.description', ['contact']],
  ['app.command.remove.description', ['remove-own']],
];

describe.each(SUPPORTED_LOCALES)('%s help and hints', (locale) => {
  const catalog = CATALOGS[locale];
  const own = PHRASE_KEYS.map(([key]) => fold(catalog[key]));

  it('contain the command words of this language', () => {
    expect(fold(catalog['help.group'])).toContain(fold(catalog['command.group']));
    expect(fold(catalog['help.contact'])).toContain(fold(catalog['command.contact']));
    expect(fold(catalog['help.remove'])).toContain(fold(catalog['command.remove']));
    expect(fold(catalog['help.remove'])).toContain(fold(catalog['command.removeGroupPhoto']));
  });

  it.each(HINTS)('%s quotes only words the bot understands, as the command it describes', (key, commands) => {
    const quotes = quoted(catalog[key]);
    const understood = quotes.map((quote) => parseArgumentCommand(quote)?.command);
    // Every quote is a command of this language, spelt as its catalog spells it…
    for (const quote of quotes) {
      expect({ quote, own: own.some((phrase) => fold(quote).startsWith(phrase)) }).toEqual({
        quote,
        own: true,
      });
    }
    expect(understood).not.toContain(undefined);
    // …and together they name exactly the commands this line is about.
    expect([...new Set(understood)].sort()).toEqual([...commands].sort());
  });
});
