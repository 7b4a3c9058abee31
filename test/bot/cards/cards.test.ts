import {
  MAX_PREVIEW_DATA_URI_BYTES,
  UNDO_PHOTO_CHANGE_VERB,
  checkPreviewDataUri,
  helpCard,
  isUndoPhotoChangeData,
  jpegDataUri,
  photoUpdatedCard,
  undoneCard,
  welcomeCard,
  type AdaptiveCardAttachment,
} from '../../../src/bot/cards/index.js';
import { SUPPORTED_LOCALES, translate } from '../../../src/i18n/index.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';
import { cardTexts, expectValidCard } from './card-checks.js';

/** Teams' limit for a whole message, cards included. */
const TEAMS_MESSAGE_LIMIT = 100 * 1024;

/**
 * The longest well-formed base64 JPEG data URI of at most `length` characters (base64 comes in groups of 4). Its
 * bytes need not decode for these checks.
 */
function dataUriUpTo(length: number): string {
  const prefix = 'data:image/jpeg;base64,';
  return prefix + 'A'.repeat(Math.floor((length - prefix.length) / 4) * 4);
}

let preview: string;

beforeAll(async () => {
  // A realistic preview: a detailed 120 px photo-like picture at quality 85, about 8 KB.
  const jpeg = await encodeJpeg(photoLike(120, 120), 85);
  preview = jpegDataUri(jpeg);
});

const CARD_NAMES = [
  'photoUpdated',
  'undoneRestored',
  'undoneRemoved',
  'welcome',
  'welcomeNoName',
  'help',
] as const;

function allCards(
  locale: (typeof SUPPORTED_LOCALES)[number],
): Record<(typeof CARD_NAMES)[number], AdaptiveCardAttachment> {
  return {
    photoUpdated: photoUpdatedCard({ locale, previewDataUri: preview, changeId: 'c-0123456789abcdef' }),
    undoneRestored: undoneCard({ locale, outcome: 'restored', previewDataUri: preview }),
    undoneRemoved: undoneCard({ locale, outcome: 'removed' }),
    welcome: welcomeCard({ locale, name: 'Alex Wilber' }),
    welcomeNoName: welcomeCard({ locale }),
    help: helpCard({ locale }),
  };
}

describe('every card', () => {
  it('has a realistic preview to test with', () => {
    expect(preview.length).toBeGreaterThan(5 * 1024);
    expect(preview.length).toBeLessThan(16 * 1024);
  });

  describe.each(SUPPORTED_LOCALES)('in %s', (locale) => {
    it.each(CARD_NAMES)('%s is a valid 1.5 card that wraps its text', (name) => {
      expectValidCard(allCards(locale)[name]);
    });

    it('serialises to well under 100 KB', () => {
      for (const card of Object.values(allCards(locale))) {
        // Measured in UTF-8 bytes: Cyrillic and Chinese text takes 2–3 bytes a character.
        expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_MESSAGE_LIMIT / 4);
      }
    });
  });

  it('stays under 100 KB even with the largest preview allowed', () => {
    const largest = dataUriUpTo(MAX_PREVIEW_DATA_URI_BYTES);
    for (const locale of SUPPORTED_LOCALES) {
      const cards = [
        photoUpdatedCard({ locale, previewDataUri: largest, changeId: 'c-1' }),
        undoneCard({ locale, outcome: 'restored', previewDataUri: largest }),
      ];
      for (const card of cards) {
        // Room is left for the activity envelope around the attachment (ids, conversation, service URL).
        expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(TEAMS_MESSAGE_LIMIT - 30 * 1024);
      }
    }
  });
});

describe('photoUpdatedCard', () => {
  it('shows the title, the preview, the propagation note and an Undo action', () => {
    const { content } = photoUpdatedCard({ locale: 'en', previewDataUri: preview, changeId: 'change-42' });
    expect(content.body).toEqual([
      {
        type: 'TextBlock',
        text: 'Your new profile photo is set',
        wrap: true,
        size: 'Medium',
        weight: 'Bolder',
      },
      {
        type: 'Image',
        url: preview,
        altText: 'Preview of your profile photo',
        size: 'Medium',
        style: 'Person',
      },
      {
        type: 'TextBlock',
        text: translate('en', 'photo.updated.propagation'),
        wrap: true,
        isSubtle: true,
      },
    ]);
    expect(content.actions).toEqual([
      { type: 'Action.Execute', title: 'Undo', verb: 'undoPhotoChange', data: { changeId: 'change-42' } },
    ]);
    expect(UNDO_PHOTO_CHANGE_VERB).toBe('undoPhotoChange');
    expect(content.fallbackText).toBe('Your new profile photo is set');
  });

  it('speaks German', () => {
    const { content } = photoUpdatedCard({ locale: 'de', previewDataUri: preview, changeId: 'x' });
    expect(cardTexts(content)).toEqual([
      'Ihr neues Profilbild ist festgelegt',
      translate('de', 'photo.updated.propagation'),
      'Rückgängig',
    ]);
    expect(content.body.find((element) => element.type === 'Image')).toMatchObject({
      altText: 'Vorschau Ihres Profilbilds',
    });
  });

  it('refuses a preview data URI over 60 KB with a RangeError', () => {
    expect(() =>
      photoUpdatedCard({ locale: 'en', previewDataUri: dataUriUpTo(60 * 1024 + 4), changeId: 'c' }),
    ).toThrow(RangeError);
    expect(() =>
      photoUpdatedCard({ locale: 'en', previewDataUri: dataUriUpTo(60 * 1024), changeId: 'c' }),
    ).not.toThrow();
  });

  it('refuses anything but a base64 JPEG data URI, so a client never fetches a URL', () => {
    for (const uri of [
      'https://example.com/me.jpg',
      'data:image/png;base64,AAAA',
      'data:image/svg+xml;base64,AAAA',
      'data:image/jpeg,AAAA',
      'data:image/jpeg;base64,AAA',
      'data:image/jpeg;base64,AA AA',
      'data:image/jpeg;base64,',
    ]) {
      expect(() => photoUpdatedCard({ locale: 'en', previewDataUri: uri, changeId: 'c' })).toThrow(TypeError);
    }
  });

  it('refuses an empty change id', () => {
    expect(() => photoUpdatedCard({ locale: 'en', previewDataUri: preview, changeId: '' })).toThrow(
      TypeError,
    );
  });
});

describe('undoneCard', () => {
  it('says the previous photo is back and shows it, with no actions', () => {
    const { content } = undoneCard({ locale: 'en', outcome: 'restored', previewDataUri: preview });
    expect(cardTexts(content)).toEqual(['Done: your previous photo is back.']);
    expect(content.body[1]).toMatchObject({ type: 'Image', url: preview, style: 'Person' });
    expect(content.actions).toBeUndefined();
  });

  it('says the new photo was removed when there was none before', () => {
    const { content } = undoneCard({ locale: 'es', outcome: 'removed' });
    expect(cardTexts(content)).toEqual(['Antes no tenías foto, así que he quitado la nueva.']);
    expect(content.body).toHaveLength(1);
  });

  it('refuses an oversized preview too', () => {
    expect(() =>
      undoneCard({ locale: 'en', outcome: 'restored', previewDataUri: dataUriUpTo(70 * 1024) }),
    ).toThrow(RangeError);
  });
});

describe('welcomeCard', () => {
  it('greets by name, says what the bot does, then the help lines', () => {
    const { content } = welcomeCard({ locale: 'en', name: 'Alex Wilber' });
    expect(cardTexts(content)).toEqual([
      "Hi Alex Wilber! I'm Teams Photo.",
      translate('en', 'welcome.body'),
      [
        '- Send a photo in this chat to make it your profile photo.',
        '- I accept JPEG, PNG, GIF, WebP or HEIC, up to 25 MB.',
        '- Type "undo" to put your previous photo back.',
        '- Type "help" to see this again.',
      ].join('\r'),
    ]);
  });

  it('shows a display name as plain text, never as Markdown', () => {
    const name = '[Click me](https://evil.example) **boss**';
    const { content } = welcomeCard({ locale: 'en', name });
    expect(content.body[0]).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: `Hi ${name}! I'm Teams Photo.`, size: 'Medium', weight: 'Bolder' }],
    });
  });

  it('greets without a name when there is none', () => {
    for (const name of [undefined, '', '   ']) {
      const { content } = welcomeCard({ locale: 'ru', ...(name === undefined ? {} : { name }) });
      expect(cardTexts(content)[0]).toBe('Здравствуйте! Я — Teams Photo.');
    }
  });

  it('speaks German', () => {
    const texts = cardTexts(welcomeCard({ locale: 'de', name: 'Anna' }).content);
    expect(texts[0]).toBe('Hallo Anna! Ich bin Teams Photo.');
    expect(texts[2]).toContain('- Geben Sie „rückgängig“ ein');
  });
});

describe('helpCard', () => {
  it('has the title and the four help lines', () => {
    const { content } = helpCard({ locale: 'zh-CN' });
    expect(cardTexts(content)).toEqual([
      '如何使用 Teams Photo',
      ['help.sendPhoto', 'help.formats', 'help.undo', 'help.help']
        .map((key) => `- ${translate('zh-CN', key as 'help.undo')}`)
        .join('\r'),
    ]);
    expect(content.actions).toBeUndefined();
  });
});

describe('preview helpers', () => {
  it('jpegDataUri encodes a JPEG and refuses what is not one', () => {
    expect(jpegDataUri(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('data:image/jpeg;base64,/9j/4A==');
    expect(() => jpegDataUri(Uint8Array.of(0x89, 0x50, 0x4e, 0x47))).toThrow(TypeError);
    expect(() => jpegDataUri(new Uint8Array(0))).toThrow(TypeError);
  });

  it('jpegDataUri refuses a JPEG whose URI would pass 60 KB, before encoding it', () => {
    const big = new Uint8Array(50 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => jpegDataUri(big)).toThrow(RangeError);
  });

  it('checkPreviewDataUri returns what it accepts', () => {
    expect(checkPreviewDataUri(preview)).toBe(preview);
  });

  it('isUndoPhotoChangeData accepts only what the Undo button sends', () => {
    expect(isUndoPhotoChangeData({ changeId: 'c-1' })).toBe(true);
    for (const data of [undefined, null, 'c-1', {}, { changeId: '' }, { changeId: 42 }]) {
      expect(isUndoPhotoChangeData(data)).toBe(false);
    }
  });
});

describe('the card checks themselves', () => {
  // A check that cannot fail proves nothing: each of these broken cards must be caught.
  function broken(change: (content: Record<string, unknown>) => void): AdaptiveCardAttachment {
    const card = photoUpdatedCard({ locale: 'en', previewDataUri: preview, changeId: 'c' });
    const content = structuredClone(card.content) as unknown as Record<string, unknown>;
    change(content);
    return { ...card, content: content as unknown as AdaptiveCardAttachment['content'] };
  }
  const body = (content: Record<string, unknown>): Record<string, unknown>[] =>
    content.body as Record<string, unknown>[];

  const mutations: [string, (content: Record<string, unknown>) => void][] = [
    ['a misspelt enum value', (c) => void (body(c)[1]!.size = 'Meduim')],
    ['a misspelt property', (c) => void (body(c)[2]!.isSubtel = true)],
    ['an unknown element', (c) => void (body(c)[0]!.type = 'TextBlok')],
    [
      'text that does not wrap',
      (c) => {
        delete body(c)[0]!.wrap;
      },
    ],
    ['an older version', (c) => void (c.version = '1.2')],
    [
      'an action without a verb',
      (c) => {
        delete (c.actions as Record<string, unknown>[])[0]!.verb;
      },
    ],
  ];
  it.each(mutations)('catches %s', (_what, change) => {
    expect(() => {
      expectValidCard(broken(change));
    }).toThrow();
  });
});
