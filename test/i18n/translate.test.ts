import { ERROR_CODES } from '../../src/errors.js';
import { en } from '../../src/i18n/catalog-en.js';
import { errorText as compatErrorText } from '../../src/i18n/messages.js';
import {
  CATALOGS,
  errorText,
  matchCommand,
  placeholdersOf,
  translate,
  type Locale,
} from '../../src/i18n/index.js';

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'welcome.title', { name: 'Alex' })).toBe("Hi Alex! I'm Teams Photo.");
    expect(translate('de', 'welcome.title', { name: 'Alex' })).toBe('Hallo Alex! Ich bin Teams Photo.');
    expect(translate('zh-CN', 'photo.severalImages', { count: 3 })).toBe(
      '你发送了 3\u00a0张图片；我使用了第一张。',
    );
    expect(translate('en', 'local.unknownUser', { file: '.data/emulator/directory.json' })).toMatch(
      /^Add yourself to \.data\/emulator\/directory\.json \(/,
    );
  });

  it('speaks the locale asked for', () => {
    expect(translate('es', 'photo.updated.undo')).toBe('Deshacer');
    expect(translate('pt-BR', 'signin.button')).toBe('Entrar');
    expect(translate('ru', 'signin.button')).toBe('Войти');
  });

  it('inserts values verbatim and never expands placeholders inside them', () => {
    expect(translate('en', 'error.reference', { id: '{id}' })).toBe('Reference: {id}');
    expect(translate('en', 'welcome.title', { name: '**$& $1 {count}**' })).toBe(
      "Hi **$& $1 {count}**! I'm Teams Photo.",
    );
  });

  it('leaves nothing of a missing parameter, not "{name}" nor "undefined"', () => {
    expect(translate('en', 'error.reference')).toBe('Reference: ');
    // A cast stands in for a caller that forgot a parameter or passed an object from elsewhere.
    const partial = {} as unknown as { file: string };
    expect(translate('en', 'local.unknownUser', partial)).toMatch(/^Add yourself to {2}\(your id/);
    // Inherited properties are not parameters.
    const inherited = Object.create({ id: 'from-prototype' }) as { id: string };
    expect(translate('en', 'error.reference', inherited)).toBe('Reference: ');
  });

  it('falls back to English for a locale that slipped past the types', () => {
    expect(translate('fr' as Locale, 'signin.button')).toBe('Sign in');
  });

  it('returns text with no placeholder unchanged', () => {
    expect(translate('en', 'error.generic', {})).toBe(en['error.generic']);
  });
});

describe('errorText', () => {
  it('stays English by default, as the CLI expects, and joins what happened to what to do next', () => {
    for (const code of ERROR_CODES) {
      expect(errorText(code)).toBe(`${translate('en', code)} ${translate('en', `${code}.next`)}`);
    }
    expect(errorText('ImageTooLarge')).toBe(
      'That file is too large for a profile photo. Please send a smaller copy, up to 25\u00a0MB.',
    );
  });

  it('speaks a locale when given one (Chinese runs its sentences together)', () => {
    expect(errorText('GraphForbidden', 'de')).toBe(
      'Sie sind nicht berechtigt, dieses Foto zu ändern. Bitte wenden Sie sich an den Besitzer oder an Ihre IT-Abteilung.',
    );
    expect(errorText('GraphForbidden', 'zh-CN')).toBe(
      '你没有更改该照片的权限。请联系其所有者或你的 IT 部门进行更改。',
    );
  });

  it("fills a code's placeholders", () => {
    expect(errorText('FileNotAnImage', 'en', { name: 'notes.pdf' })).toBe(
      'The file notes.pdf is not a photo. Please send a JPEG, PNG, GIF, WebP or HEIC photo instead.',
    );
  });

  it('is still exported from src/i18n/messages.ts for the CLI', () => {
    expect(compatErrorText('PortInUse')).toBe(errorText('PortInUse'));
  });
});

describe('plurals', () => {
  it.each([
    [1, 'Вы отправили 1\u00a0изображение; использую первое.'],
    [2, 'Вы отправили 2\u00a0изображения; использую первое.'],
    [5, 'Вы отправили 5\u00a0изображений; использую первое.'],
    [11, 'Вы отправили 11\u00a0изображений; использую первое.'],
    [21, 'Вы отправили 21\u00a0изображение; использую первое.'],
    [22, 'Вы отправили 22\u00a0изображения; использую первое.'],
  ])('Russian %i takes its own form', (count, text) => {
    expect(translate('ru', 'photo.severalImages', { count })).toBe(text);
    // Teams hands counts around as strings too.
    expect(translate('ru', 'photo.severalImages', { count: String(count) })).toBe(text);
  });

  it('names the plural variable as a placeholder, and leaves no braces for a missing or odd value', () => {
    expect(placeholdersOf(CATALOGS.ru['photo.severalImages'])).toEqual(['count']);
    expect(translate('ru', 'photo.severalImages')).toBe('Вы отправили \u00a0изображения; использую первое.');
    expect(translate('ru', 'photo.severalImages', { count: 'x{y}' })).toBe(
      'Вы отправили x{y}\u00a0изображения; использую первое.',
    );
  });
});

describe('matchCommand', () => {
  it.each([
    ['undo', 'undo'],
    ['Undo!', 'undo'],
    ['  UNDO. ', 'undo'],
    ['"undo"', 'undo'],
    ['help', 'help'],
    ['Help?', 'help'],
    ['deshacer', 'undo'],
    ['Ayuda', 'help'],
    ['desfazer', 'undo'],
    ['ajuda', 'help'],
    ['отменить', 'undo'],
    ['Помощь', 'help'],
    ['Rückgängig', 'undo'],
    ['Ru\u0308ckga\u0308ngig', 'undo'],
    ['„Hilfe“', 'help'],
    ['撤销', 'undo'],
    ['帮助。', 'help'],
  ] as const)('%j is %s', (text, command) => {
    expect(matchCommand(text)).toBe(command);
  });

  it.each(['', 'undo it please', 'helpful', 'undoundo', 'hello', 'un do'])('%j is no command', (text) => {
    expect(matchCommand(text)).toBeUndefined();
  });

  it('ignores undefined and long text', () => {
    expect(matchCommand(undefined)).toBeUndefined();
    expect(matchCommand(`undo${' '.repeat(100)}`)).toBeUndefined();
  });
});
