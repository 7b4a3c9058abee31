/**
 * The messaging extension's cards: the Set as group photo dialog (static choices, the typeahead past a screenful),
 * a group as a search result and its preview, the group's dialog, the sign-in dialog. Each is checked by the
 * `adaptivecards` renderer library's round trip (what it does not know, it drops) and for what Teams reads back.
 */
import * as AC from 'adaptivecards';
import {
  GROUPS_DATASET,
  MAX_STATIC_GROUP_CHOICES,
  groupDialogCard,
  groupPreviewCard,
  groupResultCard,
  jpegDataUri,
  setGroupPhotoDialogCard,
  signInDialogCard,
  type ChoiceSetInput,
  type ExtensionCardAttachment,
} from '../../../src/bot/cards/index.js';
import { preparePhoto } from '../../../src/photo/photo-pipeline.js';
import { encodeJpeg, photoLike } from '../../helpers/images.js';

let preview: string;
beforeAll(async () => {
  preview = jpegDataUri((await preparePhoto(await encodeJpeg(photoLike(400, 300, 1)), { size: 160 })).jpeg);
});

/** The library parses the card; its body must come back as written (no unknown element or property). */
function expectRoundTrip(attachment: ExtensionCardAttachment): void {
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(attachment.content.version).toBe('1.5');
  const json = JSON.parse(JSON.stringify(attachment.content)) as Record<string, unknown>;
  const parsed = new AC.AdaptiveCard();
  const errors: AC.IValidationError[] = [];
  parsed.parse(json, errors);
  expect(errors.map((error) => error.message)).toEqual([]);
  const back = parsed.toJSON() as Record<string, unknown>;
  // The library stops at schema 1.2: an input's `label`, `isRequired` and `errorMessage` (1.3), the `filtered`
  // style and Teams' typeahead (`choices.data`) are newer, and it writes no default (`compact`) back.
  const newer = new Set(['label', 'isRequired', 'errorMessage', 'choices.data']);
  const strip = (body: unknown) =>
    JSON.parse(JSON.stringify(body), function (this: Record<string, unknown>, key: string, value: unknown) {
      if (newer.has(key)) return undefined;
      return key === 'style' && this.type === 'Input.ChoiceSet' ? undefined : value;
    }) as unknown;
  expect(strip(back.body)).toEqual(strip(json.body));
  expect(back.actions).toEqual(json.actions);
}

function pickerOf(attachment: ExtensionCardAttachment): ChoiceSetInput {
  const picker = attachment.content.body.find((element) => element.type === 'Input.ChoiceSet');
  if (picker?.type !== 'Input.ChoiceSet') throw new Error('no group picker');
  return picker;
}

const groups = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ title: `Group ${i + 1}`, value: `group-${i + 1}` }));

describe('the Set as group photo dialog', () => {
  it('lists the groups, requires one, and its Set button carries the waiting photo', () => {
    const card = setGroupPhotoDialogCard({
      locale: 'en',
      previewDataUri: preview,
      groups: groups(3),
      choice: 'c1',
    });
    expectRoundTrip(card);
    const picker = pickerOf(card);
    expect(picker).toMatchObject({ id: 'groupId', style: 'compact', isRequired: true });
    expect(picker.choices).toEqual(groups(3));
    expect(picker.value).toBeUndefined();
    expect(picker['choices.data']).toBeUndefined();
    expect(card.content.actions).toEqual([
      { type: 'Action.Submit', title: 'Set photo', data: { choice: 'c1' } },
    ]);
    expect(JSON.stringify(card)).toContain(preview);
  });

  it('chooses the only group already', () => {
    const card = setGroupPhotoDialogCard({
      locale: 'en',
      previewDataUri: preview,
      groups: groups(1),
      choice: 'c1',
    });
    expect(pickerOf(card).value).toBe('group-1');
  });

  it('adds the typeahead on our dataset past a screenful, and lists only a screenful itself', () => {
    const many = groups(MAX_STATIC_GROUP_CHOICES + 1);
    const card = setGroupPhotoDialogCard({
      locale: 'de',
      previewDataUri: preview,
      groups: many,
      choice: 'c1',
    });
    expectRoundTrip(card);
    const picker = pickerOf(card);
    expect(picker.style).toBe('filtered');
    expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: GROUPS_DATASET });
    expect(picker.choices).toHaveLength(MAX_STATIC_GROUP_CHOICES);
    const exactly = setGroupPhotoDialogCard({
      locale: 'en',
      previewDataUri: preview,
      groups: groups(MAX_STATIC_GROUP_CHOICES),
      choice: 'c1',
    });
    expect(pickerOf(exactly)['choices.data']).toBeUndefined();
  });

  it('refuses a preview that is not a JPEG data URI', () => {
    expect(() =>
      setGroupPhotoDialogCard({
        locale: 'en',
        previewDataUri: 'https://evil.example/a.jpg',
        groups: groups(1),
        choice: 'c1',
      }),
    ).toThrow(TypeError);
  });
});

describe('a group as a search result', () => {
  it("shows its name and mail as plain text and its photo, and Change photo opens the group's dialog", () => {
    const card = groupResultCard({
      locale: 'en',
      id: 'g1',
      displayName: '**Design** Team',
      mail: 'design@example.com',
      picture: { kind: 'photo', previewDataUri: preview },
    });
    expectRoundTrip(card);
    const texts = JSON.stringify(card.content.body);
    expect(texts).toContain('"type":"TextRun","text":"**Design** Team"');
    expect(texts).toContain('design@example.com');
    expect(texts).toContain(preview);
    expect(card.content.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Change photo',
        data: { msteams: { type: 'task/fetch' }, groupId: 'g1' },
      },
    ]);
  });

  it('shows the initials where there is no photo', () => {
    const card = groupResultCard({
      locale: 'en',
      id: 'g1',
      displayName: 'Design Team',
      picture: { kind: 'initials', initials: 'DT' },
    });
    expectRoundTrip(card);
    expect(JSON.stringify(card.content.body)).toContain('"text":"DT"');
  });

  it('previews it with a data: image only (JPEG, PNG or SVG), never a URL a client would fetch', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(groupPreviewCard('en', { displayName: 'Sales', mail: 'sales@example.com' }, png)).toEqual({
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: 'Sales',
        text: 'sales@example.com',
        images: [{ url: png, alt: 'The photo of Sales' }],
      },
    });
    for (const bad of ['https://a.example/x.png', 'data:text/html;base64,PGI+', 'data:image/png,<svg>'])
      expect(() => groupPreviewCard('en', { displayName: 'Sales' }, bad)).toThrow(TypeError);
  });
});

describe("a group's dialog", () => {
  it('offers the image sent last with Set, naming the group and the waiting photo', () => {
    const card = groupDialogCard({
      locale: 'en',
      groupId: 'g1',
      displayName: 'Design Team',
      current: { kind: 'initials', initials: 'DT' },
      recent: { previewDataUri: preview, choice: 'c2' },
    });
    expectRoundTrip(card);
    expect(card.content.actions).toEqual([
      { type: 'Action.Submit', title: 'Set as its photo', data: { choice: 'c2', groupId: 'g1' } },
    ]);
  });

  it('says how to send an image when there is none, and has no Set', () => {
    const card = groupDialogCard({
      locale: 'en',
      groupId: 'g1',
      displayName: 'Design Team',
      current: { kind: 'photo', previewDataUri: preview },
    });
    expectRoundTrip(card);
    expect(card.content.actions).toBeUndefined();
    expect(JSON.stringify(card)).toContain('send me the image in our chat with \\"group Design Team\\"');
  });
});

it('the sign-in dialog links to the sign-in page', () => {
  const card = signInDialogCard('en', 'https://token.botframework.com/api/oauth/signin?signin=abc');
  expectRoundTrip(card);
  expect(card.content.actions).toEqual([
    {
      type: 'Action.OpenUrl',
      title: 'Sign in',
      url: 'https://token.botframework.com/api/oauth/signin?signin=abc',
    },
  ]);
});
