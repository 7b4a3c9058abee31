import { ERROR_CODES } from '../../src/errors.js';
import { en } from '../../src/i18n/catalog-en.js';
import { errorText as compatErrorText } from '../../src/i18n/messages.js';
import { errorText, matchCommand, translate, type Locale } from '../../src/i18n/index.js';

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'welcome.title', { name: 'Alex' })).toBe("Hi Alex! I'm Teams Photo.");
    expect(translate('de', 'welcome.title', { name: 'Alex' })).toBe('Hallo Alex! Ich bin Teams Photo.');
    expect(translate('zh-CN', 'photo.severalImages', { count: 3 })).toBe(
      '你发送了 3 张图片；我使用了第一张。',
    );
    expect(translate('en', 'local.unknownUser', { id: 'abc', file: '.data/emulator/directory.json' })).toBe(
      "I can't find you (abc) in the local directory, so I can't change your photo here. Add yourself to .data/emulator/directory.json.",
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
    const partial = { file: 'x.json' } as unknown as { id: string; file: string };
    expect(translate('en', 'local.unknownUser', partial)).toBe(
      "I can't find you () in the local directory, so I can't change your photo here. Add yourself to x.json.",
    );
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
  it('stays English by default, as the CLI expects', () => {
    for (const code of ERROR_CODES) expect(errorText(code)).toBe(en[code]);
    expect(errorText('ImageTooLarge')).toBe(
      'That file is too large for a profile photo. Please send a smaller image.',
    );
  });

  it('speaks a locale when given one', () => {
    expect(errorText('GraphForbidden', 'de')).toBe('Sie sind nicht berechtigt, dieses Foto zu ändern.');
  });

  it('is still exported from src/i18n/messages.ts for the CLI', () => {
    expect(compatErrorText('PortInUse')).toBe(errorText('PortInUse'));
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
