import {
  MAX_PREVIEW_DATA_URI_BYTES,
  REDO_PHOTO_CHANGE_VERB,
  UNDO_PHOTO_CHANGE_VERB,
  checkPreviewDataUri,
  helpCard,
  initialsOf,
  isUndoPhotoChangeData,
  jpegDataUri,
  photoUpdatedCard,
  pictureOf,
  undoneCard,
  welcomeCard,
  type AdaptiveCardAttachment,
} from '../../../src/bot/cards/index.js';
import { SUPPORTED_LOCALES, translate } from '../../../src/i18n/index.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';
import { allElements, cardTexts, expectValidCard } from './card-checks.js';

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
let oldPreview: string;

beforeAll(async () => {
  // A realistic preview: a detailed 120 px photo-like picture at quality 85, about 8 KB.
  const jpeg = await encodeJpeg(photoLike(120, 120), 85);
  preview = jpegDataUri(jpeg);
  oldPreview = jpegDataUri(await encodeJpeg(photoLike(160, 160, 7), 88));
});

const CARD_NAMES = [
  'photoUpdated',
  'photoBeforeAfter',
  'photoBeforeInitials',
  'photoBeforeNothing',
  'photoRedone',
  'undoneRestored',
  'undoneRemoved',
  'undoneBackToChange',
  'undoneBackToOriginal',
  'undoneBackToNone',
  'welcome',
  'welcomeNoName',
  'help',
  'helpWithPage',
] as const;

function allCards(
  locale: (typeof SUPPORTED_LOCALES)[number],
): Record<(typeof CARD_NAMES)[number], AdaptiveCardAttachment> {
  return {
    photoUpdated: photoUpdatedCard({
      confirmed: true,
      locale,
      previewDataUri: preview,
      changeId: 'c-0123456789abcdef',
    }),
    photoBeforeAfter: photoUpdatedCard({
      confirmed: true,
      locale,
      previewDataUri: preview,
      changeId: 'c-1',
      before: { kind: 'photo', previewDataUri: oldPreview },
    }),
    photoBeforeInitials: photoUpdatedCard({
      confirmed: true,
      locale,
      previewDataUri: preview,
      changeId: 'c-1',
      before: { kind: 'initials', initials: 'AW' },
    }),
    photoBeforeNothing: photoUpdatedCard({
      confirmed: true,
      locale,
      previewDataUri: preview,
      changeId: 'c-1',
      before: { kind: 'none' },
    }),
    photoRedone: photoUpdatedCard({
      confirmed: true,
      locale,
      previewDataUri: preview,
      changeId: 'c-1',
      before: { kind: 'none' },
      again: true,
    }),
    undoneBackToChange: undoneCard({
      locale,
      outcome: 'restored',
      previewDataUri: preview,
      backTo: { kind: 'change', date: '1 Dec 2026, 13:54' },
      redoChangeId: 'u-1',
    }),
    undoneBackToOriginal: undoneCard({
      locale,
      outcome: 'restored',
      previewDataUri: preview,
      backTo: { kind: 'original' },
      redoChangeId: 'u-1',
    }),
    undoneBackToNone: undoneCard({
      locale,
      outcome: 'removed',
      backTo: { kind: 'original' },
      redoChangeId: 'u-1',
    }),
    undoneRestored: undoneCard({ locale, outcome: 'restored', previewDataUri: preview }),
    undoneRemoved: undoneCard({ locale, outcome: 'removed' }),
    welcome: welcomeCard({ locale, name: 'Alex Wilber' }),
    welcomeNoName: welcomeCard({ locale }),
    help: helpCard({ locale }),
    helpWithPage: helpCard({ locale, offerPage: true }),
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
      const half = dataUriUpTo(MAX_PREVIEW_DATA_URI_BYTES / 2);
      const cards = [
        photoUpdatedCard({ confirmed: true, locale, previewDataUri: largest, changeId: 'c-1' }),
        photoUpdatedCard({
          confirmed: true,
          locale,
          previewDataUri: half,
          changeId: 'c-1',
          before: { kind: 'photo', previewDataUri: half },
        }),
        undoneCard({ locale, outcome: 'restored', previewDataUri: largest }),
        undoneCard({
          locale,
          outcome: 'restored',
          previewDataUri: largest,
          backTo: { kind: 'original' },
          redoChangeId: 'u-1',
        }),
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
    const { content } = photoUpdatedCard({
      confirmed: true,
      locale: 'en',
      previewDataUri: preview,
      changeId: 'change-42',
    });
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
        text: translate('en', 'photo.propagation3Days'),
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

  it('says "sent, not confirmed yet" with what to do, and not "set", when the read-back did not confirm it', () => {
    for (const again of [false, true]) {
      const { content } = photoUpdatedCard({
        confirmed: false,
        again,
        locale: 'en',
        previewDataUri: preview,
        changeId: 'c',
      });
      expect(cardTexts(content)).toEqual([
        translate('en', 'photo.unconfirmed.title'),
        translate('en', 'photo.unconfirmed.text'),
        translate('en', 'photo.propagation3Days'),
        'Undo',
      ]);
      expect(content.fallbackText).toBe(translate('en', 'photo.unconfirmed.title'));
    }
    expect(translate('en', 'photo.propagation3Days')).toMatch(/Teams and other apps .* up to 3\u00a0days/);
  });

  it('speaks German', () => {
    const { content } = photoUpdatedCard({
      confirmed: true,
      locale: 'de',
      previewDataUri: preview,
      changeId: 'x',
    });
    expect(cardTexts(content)).toEqual([
      'Ihr neues Profilbild ist festgelegt',
      translate('de', 'photo.propagation3Days'),
      'Rückgängig',
    ]);
    expect(content.body.find((element) => element.type === 'Image')).toMatchObject({
      altText: 'Vorschau Ihres Profilbilds',
    });
  });

  it('refuses a preview data URI over 60 KB with a RangeError', () => {
    expect(() =>
      photoUpdatedCard({
        confirmed: true,
        locale: 'en',
        previewDataUri: dataUriUpTo(60 * 1024 + 4),
        changeId: 'c',
      }),
    ).toThrow(RangeError);
    expect(() =>
      photoUpdatedCard({
        confirmed: true,
        locale: 'en',
        previewDataUri: dataUriUpTo(60 * 1024),
        changeId: 'c',
      }),
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
      expect(() =>
        photoUpdatedCard({ confirmed: true, locale: 'en', previewDataUri: uri, changeId: 'c' }),
      ).toThrow(TypeError);
    }
  });

  it('refuses an empty change id', () => {
    expect(() =>
      photoUpdatedCard({ confirmed: true, locale: 'en', previewDataUri: preview, changeId: '' }),
    ).toThrow(TypeError);
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

describe('before and after', () => {
  it('shows the old and the new photo side by side, each at 120 px, labelled', () => {
    const { content } = photoUpdatedCard({
      confirmed: true,
      locale: 'en',
      previewDataUri: preview,
      changeId: 'c-1',
      before: { kind: 'photo', previewDataUri: oldPreview },
    });
    expect(content.body[1]).toMatchObject({ type: 'ColumnSet' });
    const images = allElements(content).filter((e) => e.type === 'Image');
    expect(images).toEqual([
      expect.objectContaining({
        url: oldPreview,
        altText: 'Your profile photo before this change',
        width: '120px',
        height: '120px',
      }),
      expect.objectContaining({ url: preview, width: '120px', height: '120px' }),
    ]);
    expect(cardTexts(content)).toEqual([
      'Your new profile photo is set',
      'Before',
      'After',
      translate('en', 'photo.propagation3Days'),
      'Undo',
    ]);
  });

  it("shows the person's initials, or 'No photo', where there was none", () => {
    const initials = photoUpdatedCard({
      confirmed: true,
      locale: 'ru',
      previewDataUri: preview,
      changeId: 'c-1',
      before: pictureOf(undefined, 'Alex Wilber'),
    });
    expect(cardTexts(initials.content).slice(1, 4)).toEqual(['Было', 'AW', 'Стало']);
    expect(allElements(initials.content).filter((e) => e.type === 'Image')).toHaveLength(1);
    const none = photoUpdatedCard({
      confirmed: true,
      locale: 'pt-BR',
      previewDataUri: preview,
      changeId: 'c-1',
      before: pictureOf(undefined, undefined),
    });
    expect(cardTexts(none.content).slice(1, 4)).toEqual(['Antes', 'Sem foto', 'Depois']);
    // An old photo wins over initials.
    expect(pictureOf(oldPreview, 'Alex Wilber')).toEqual({ kind: 'photo', previewDataUri: oldPreview });
  });

  it('gives both previews together the one preview budget, so the message stays small', () => {
    const half = dataUriUpTo(MAX_PREVIEW_DATA_URI_BYTES / 2);
    const over = dataUriUpTo(MAX_PREVIEW_DATA_URI_BYTES / 2 + 8);
    const card = (after: string, before: string) =>
      photoUpdatedCard({
        confirmed: true,
        locale: 'en',
        previewDataUri: after,
        changeId: 'c',
        before: { kind: 'photo', previewDataUri: before },
      });
    expect(() => card(half, half)).not.toThrow();
    expect(() => card(over, half)).toThrow(RangeError);
    expect(() => card(half, 'https://example.com/old.jpg')).toThrow(TypeError);
  });

  it('titles a redo as the photo being back, still with Undo', () => {
    const { content } = photoUpdatedCard({
      confirmed: true,
      locale: 'es',
      previewDataUri: preview,
      changeId: 'r-1',
      before: { kind: 'none' },
      again: true,
    });
    expect(cardTexts(content)[0]).toBe('Esta foto vuelve a ser tu foto de perfil');
    expect(content.actions).toEqual([
      { type: 'Action.Execute', title: 'Deshacer', verb: 'undoPhotoChange', data: { changeId: 'r-1' } },
    ]);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Alex Wilber', 'AW'],
    ['  megan   bowen  ', 'MB'],
    ['Madonna', 'M'],
    ['Ana María de la Cruz', 'AC'],
    ['Ólafur Arnalds', 'ÓA'],
    ['王小明', '王'],
    ['Алексей Иванов', 'АИ'],
    ['[x](https://example.com) *b*', 'XB'],
    ['😀 🎉', ''],
    ['', ''],
  ])('%j gives %j', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
  it('gives nothing for no name', () => {
    expect(initialsOf(undefined)).toBe('');
    expect(pictureOf(undefined, '  ')).toEqual({ kind: 'none' });
  });
});

describe('undoneCard after a walk back', () => {
  it('says which photo is back, shows it at 120 px and offers "Use this photo again"', () => {
    const { content } = undoneCard({
      locale: 'en',
      outcome: 'restored',
      previewDataUri: preview,
      backTo: { kind: 'change', date: 'Dec 1, 2026, 1:54 PM UTC' },
      redoChangeId: 'undo-7',
    });
    expect(cardTexts(content)).toEqual([
      'Undone: the photo you set on Dec 1, 2026, 1:54 PM UTC is back.',
      'Use this photo again',
    ]);
    expect(content.body[1]).toMatchObject({ type: 'Image', url: preview, width: '120px', height: '120px' });
    expect(content.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Use this photo again',
        verb: 'redoPhotoChange',
        data: { changeId: 'undo-7' },
      },
    ]);
    expect(REDO_PHOTO_CHANGE_VERB).toBe('redoPhotoChange');
  });

  it('says there is no photo now, in words where the picture would be', () => {
    const { content } = undoneCard({
      locale: 'zh-CN',
      outcome: 'removed',
      backTo: { kind: 'original' },
      redoChangeId: 'undo-8',
    });
    expect(cardTexts(content)).toEqual([
      '已撤销：你现在没有个人资料照片，与你在此首次更改之前一样。',
      '没有照片',
      '重新使用这张照片',
    ]);
    expect(allElements(content).some((e) => e.type === 'Image')).toBe(false);
  });

  it('refuses an empty redo id', () => {
    expect(() => undoneCard({ locale: 'en', outcome: 'removed', redoChangeId: '' })).toThrow(TypeError);
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
        '- I accept JPEG, PNG, GIF, WebP or HEIC, up to 25\u00a0MB.',
        '- Type "undo" to put your previous photo back.',
        `- Send a photo with "group" and a group's name to set the photo of a group you own; in a team's channel, mention me with "group" to set that team's photo.`,
        `- Send a photo with "contact" and a name to set one of your Outlook contacts' photo.`,
        '- Type "remove my photo" (or "remove group photo" and a name) to remove a photo; you can undo it.',
        '- Type "my data" to see what I keep about you, or "forget me" to delete it.',
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
  it('has the title and the help lines, groups, contacts and removal included', () => {
    const { content } = helpCard({ locale: 'zh-CN' });
    expect(cardTexts(content)).toEqual([
      '如何使用 Teams Photo',
      [
        'help.sendPhoto',
        'help.formats',
        'help.undo',
        'help.group',
        'help.contact',
        'help.remove',
        'help.myData',
        'help.help',
      ]
        .map((key) =>
          key === 'help.myData'
            ? `- 输入“我的数据”查看我保存的关于你的信息，或输入“忘记我”删除这些信息。`
            : `- ${translate('zh-CN', key as 'help.undo')}`,
        )
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
    const card = photoUpdatedCard({ confirmed: true, locale: 'en', previewDataUri: preview, changeId: 'c' });
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
