/**
 * The messaging extension's cards (issue 15):
 * - the **Set as group photo** dialog: the image's preview and a choice of the groups the person owns, with a
 *   typeahead (`Data.Query` on our own dataset) when they own more than a screenful;
 * - a group as a search result: its name, mail and photo, and **Change photo**, which opens the group's dialog;
 * - the group's dialog: its photo now, and the image the person sent last with **Set**, or how to send one;
 * - the sign-in dialog, for a dialog opened before the person signed in.
 *
 * Dialog buttons are `Action.Submit`: inside a dialog (and on a card that opens one) Teams sends a submit back as
 * `composeExtension/submitAction` or `task/submit`, which `Action.Execute` does not do. Names come from the
 * directory, so they go into plain text runs, never Markdown.
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  checkPreviewDataUri,
  plainTitleBlock,
  textBlock,
  type CardElement,
  type ChoiceInput,
  type ImageElement,
  type OpenUrlAction,
  type SubmitAction,
} from './adaptive-card.js';
import { PICTURE_PX, pictureElement, type Picture } from './photo-pictures.js';

/** The dataset the dialog's typeahead asks for in `application/search`. */
export const GROUPS_DATASET = 'teamsPhotoGroups';

/** The id of the dialog's group choice: what `value.data` carries the chosen group's id under. */
export const GROUP_CHOICE_ID = 'groupId';

/** Owned groups listed in the dialog itself; past this many, the typeahead finds the rest. */
export const MAX_STATIC_GROUP_CHOICES = 15;

/** A choice of a group, as an `Input.ChoiceSet` lists it. */
export interface GroupChoice {
  readonly title: string;
  readonly value: string;
}

/** The group picker: a drop-down, with a typeahead on our own dataset when there are more groups than it lists. */
export type ChoiceSetInput = ChoiceInput;

export type { SubmitAction } from './adaptive-card.js';

/** A button that opens a link (the sign-in page). */
export type { OpenUrlAction } from './adaptive-card.js';

/** A card of the extension: the app's elements, the group picker, and Submit or OpenUrl buttons. */
export type ExtensionCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly (SubmitAction | OpenUrlAction)[];
};

/** An extension card as an attachment (structurally a botbuilder `Attachment`). */
export interface ExtensionCardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: ExtensionCard;
}

/**
 * The data the dialogs' Set buttons carry: the photo that waits (see recent-photos.ts), and the group's id (the
 * message action's comes from the group picker, whose id is {@link GROUP_CHOICE_ID}). A type alias, so that it
 * fits a button's `data` record.
 */
export type SetGroupPhotoData = {
  readonly choice: string;
  readonly groupId: string;
};

function card(
  fallbackText: string,
  body: ExtensionCard['body'],
  actions: readonly (SubmitAction | OpenUrlAction)[] = [],
): ExtensionCardAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: ADAPTIVE_CARD_SCHEMA,
      version: ADAPTIVE_CARD_VERSION,
      fallbackText,
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  };
}

function photoImage(previewDataUri: string, altText: string): ImageElement {
  return {
    type: 'Image',
    url: checkPreviewDataUri(previewDataUri),
    altText,
    size: 'Medium',
    style: 'Person',
    width: `${PICTURE_PX}px`,
    height: `${PICTURE_PX}px`,
    horizontalAlignment: 'Center',
  };
}

/** What {@link setGroupPhotoDialogCard} needs. */
export interface SetGroupPhotoDialogOptions {
  readonly locale: Locale;
  /** The prepared image's preview. */
  readonly previewDataUri: string;
  /** The owned groups, in the order to list them; only the first {@link MAX_STATIC_GROUP_CHOICES} are listed. */
  readonly groups: readonly GroupChoice[];
  /** The id of the photo that waits for the choice. */
  readonly choice: string;
}

/**
 * The message action's dialog: the preview, the group picker and Set. A single owned group is chosen already.
 * @throws as `checkPreviewDataUri` for a preview that is too large or not a JPEG data URI
 */
export function setGroupPhotoDialogCard(options: SetGroupPhotoDialogOptions): ExtensionCardAttachment {
  const { locale, groups, choice } = options;
  const only = groups.length === 1 ? groups[0] : undefined;
  const typeahead = groups.length > MAX_STATIC_GROUP_CHOICES;
  const picker: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: GROUP_CHOICE_ID,
    label: translate(locale, 'extension.dialog.group'),
    style: typeahead ? 'filtered' : 'compact',
    isRequired: true,
    errorMessage: translate(locale, 'extension.dialog.groupRequired'),
    placeholder: translate(locale, typeahead ? 'extension.dialog.groupSearch' : 'extension.dialog.groupPick'),
    choices: groups.slice(0, MAX_STATIC_GROUP_CHOICES),
    ...(only ? { value: only.value } : {}),
    ...(typeahead ? { 'choices.data': { type: 'Data.Query' as const, dataset: GROUPS_DATASET } } : {}),
  };
  const title = translate(locale, 'extension.dialog.title');
  return card(
    title,
    [
      photoImage(options.previewDataUri, translate(locale, 'extension.dialog.previewAlt')),
      textBlock(translate(locale, 'extension.dialog.text')),
      picker,
    ],
    [{ type: 'Action.Submit', title: translate(locale, 'extension.dialog.set'), data: { choice } }],
  );
}

/** What {@link groupResultCard} needs. */
export interface GroupResultOptions {
  readonly locale: Locale;
  readonly id: string;
  readonly displayName: string;
  readonly mail?: string;
  /** The group's photo (a JPEG preview), or its initials. */
  readonly picture: Picture;
}

/** A group as a search result: name, mail, photo, and Change photo (which opens the group's dialog). */
export function groupResultCard(options: GroupResultOptions): ExtensionCardAttachment {
  const { locale, displayName, mail } = options;
  const alt = translate(locale, 'extension.group.photoAlt', { name: displayName });
  return card(
    displayName,
    [
      plainTitleBlock(displayName),
      ...(mail
        ? [{ type: 'RichTextBlock' as const, inlines: [{ type: 'TextRun' as const, text: mail }] }]
        : []),
      pictureElement(options.picture, alt, locale),
    ],
    [
      {
        type: 'Action.Submit',
        title: translate(locale, 'extension.group.change'),
        data: { msteams: { type: 'task/fetch' }, groupId: options.id },
      },
    ],
  );
}

/** What {@link groupDialogCard} needs. */
export interface GroupDialogOptions {
  readonly locale: Locale;
  readonly groupId: string;
  readonly displayName: string;
  /** The group's photo now, or its initials. */
  readonly current: Picture;
  /** The image the person sent last, held under `choice`; absent when there is none. */
  readonly recent?: { readonly previewDataUri: string; readonly choice: string };
}

/**
 * A group's dialog: its photo now and, when the person sent an image a moment ago, that image with Set; otherwise
 * how to send one.
 */
export function groupDialogCard(options: GroupDialogOptions): ExtensionCardAttachment {
  const { locale, displayName, recent } = options;
  const body: CardElement[] = [
    plainTitleBlock(displayName),
    textBlock(translate(locale, 'extension.group.current'), { subtle: true }),
    pictureElement(
      options.current,
      translate(locale, 'extension.group.photoAlt', { name: displayName }),
      locale,
    ),
  ];
  if (!recent) {
    body.push({
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: translate(locale, 'extension.group.sendFirst', { name: displayName }) },
      ],
    });
    return card(displayName, body);
  }
  body.push(
    textBlock(translate(locale, 'extension.group.recent'), { subtle: true }),
    photoImage(recent.previewDataUri, translate(locale, 'extension.dialog.previewAlt')),
  );
  const data: SetGroupPhotoData = { choice: recent.choice, groupId: options.groupId };
  return card(displayName, body, [
    { type: 'Action.Submit', title: translate(locale, 'extension.group.set'), data },
  ]);
}

/** A dialog that asks the person to sign in, with the sign-in page's link. */
export function signInDialogCard(locale: Locale, signInLink: string): ExtensionCardAttachment {
  const title = translate(locale, 'signin.title');
  return card(
    title,
    [plainTitleBlock(title), textBlock(translate(locale, 'extension.signIn.text'))],
    [{ type: 'Action.OpenUrl', title: translate(locale, 'signin.button'), url: signInLink }],
  );
}

/** The content type of a thumbnail card: what Teams lists a search result with. */
export const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

/** A search result's preview in Teams' result list. */
export interface GroupPreviewCard {
  readonly contentType: typeof THUMBNAIL_CARD_CONTENT_TYPE;
  readonly content: {
    readonly title: string;
    readonly text?: string;
    readonly images: readonly { readonly url: string; readonly alt: string }[];
  };
}

/**
 * A group's preview in the result list: its name, mail, and its photo or initials as a small `data:` image (a
 * JPEG, PNG or SVG made by the bot, never a URL a client would fetch).
 * @throws TypeError for a thumbnail that is not a base64 data URI of one of those types
 */
export function groupPreviewCard(
  locale: Locale,
  group: { readonly displayName: string; readonly mail?: string },
  thumbnail: string,
): GroupPreviewCard {
  if (!/^data:image\/(?:jpeg|png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/.test(thumbnail))
    throw new TypeError('a thumbnail must be a base64 data URI of a JPEG, PNG or SVG');
  return {
    contentType: THUMBNAIL_CARD_CONTENT_TYPE,
    content: {
      title: group.displayName,
      ...(group.mail ? { text: group.mail } : {}),
      images: [
        { url: thumbnail, alt: translate(locale, 'extension.group.photoAlt', { name: group.displayName }) },
      ],
    },
  };
}
