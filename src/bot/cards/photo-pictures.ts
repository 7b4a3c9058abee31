/**
 * The pictures the photo cards show: a photo at an explicit pixel size, or a placeholder where there is no photo
 * (the person's initials, or "No photo"), and the before/after pair side by side.
 *
 * Explicit pixel sizes because `size: 'Medium'` is up to the host: Agents Playground renders it at 52 px, too small
 * to tell two photos apart.
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  MAX_PREVIEW_DATA_URI_BYTES,
  checkPreviewDataUri,
  type CardElement,
  type Column,
  type ColumnSet,
} from './adaptive-card.js';

/** The side, in CSS pixels, at which a card shows a photo (the preview JPEG is made at this size or more). */
export const PICTURE_PX = 120;

/** What stands in a picture's place: a photo (a small JPEG data URI), initials, or nothing. */
export type Picture =
  | { readonly kind: 'photo'; readonly previewDataUri: string }
  | { readonly kind: 'initials'; readonly initials: string }
  | { readonly kind: 'none' };

const px = `${PICTURE_PX}px` as const;

/**
 * Up to two initials from a display name ("Alex Wilber" gives "AW", "王小明" gives "王"): the first character
 * of the first and the last word, letters and digits only (so nothing in them is ever read as Markdown).
 * Returns '' for a name without any.
 */
export function initialsOf(name: string | undefined): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const words = (name ?? '')
    .split(/\s+/u)
    .map((word) =>
      Array.from(segmenter.segment(word), (s) => s.segment).find((g) => /^[\p{L}\p{N}]/u.test(g)),
    )
    .filter((first): first is string => first !== undefined);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words.at(-1) ?? '') : '';
  return `${first}${last}`.toLocaleUpperCase();
}

/** The before picture for a person: their old photo, else their initials, else a neutral placeholder. */
export function pictureOf(previewDataUri: string | undefined, displayName?: string): Picture {
  if (previewDataUri !== undefined) return { kind: 'photo', previewDataUri };
  const initials = initialsOf(displayName);
  return initials === '' ? { kind: 'none' } : { kind: 'initials', initials };
}

/**
 * One picture as a card element: the photo at {@link PICTURE_PX} px in a circle, or a square placeholder of the
 * same size with the initials or "No photo".
 * @throws RangeError or TypeError for a preview data URI `checkPreviewDataUri` refuses
 */
export function pictureElement(picture: Picture, altText: string, locale: Locale): CardElement {
  if (picture.kind === 'photo') {
    return {
      type: 'Image',
      url: checkPreviewDataUri(picture.previewDataUri),
      altText,
      size: 'Medium',
      style: 'Person',
      width: px,
      height: px,
      horizontalAlignment: 'Center',
    };
  }
  const initials = picture.kind === 'initials' && picture.initials !== '';
  return {
    type: 'Container',
    style: 'emphasis',
    minHeight: px,
    verticalContentAlignment: 'Center',
    items: [
      {
        type: 'TextBlock',
        text: initials ? picture.initials : translate(locale, 'photo.noPhoto'),
        wrap: true,
        horizontalAlignment: 'Center',
        ...(initials ? { size: 'ExtraLarge' as const, weight: 'Bolder' as const } : { isSubtle: true }),
      },
    ],
  };
}

/** A labelled picture in a fixed-width column. */
function pictureColumn(label: string, picture: CardElement): Column {
  return {
    type: 'Column',
    width: px,
    items: [
      { type: 'TextBlock', text: label, wrap: true, isSubtle: true, horizontalAlignment: 'Center' },
      picture,
    ],
  };
}

/** The pictures' alternative texts, when the photo is not the person's own (a group's, a contact's). */
export interface PictureAltTexts {
  readonly before: string;
  readonly after: string;
}

/**
 * "Before" and "After" side by side. The two previews together get the one preview's budget
 * ({@link MAX_PREVIEW_DATA_URI_BYTES}), so the message stays as far under Teams' 100 KB as with one picture.
 * @param after the new photo's preview data URI, or a picture (after a removal: none)
 * @throws RangeError when the two previews together pass that budget; otherwise as {@link pictureElement}
 */
export function beforeAfter(
  locale: Locale,
  before: Picture,
  after: string | Picture,
  alt: PictureAltTexts = {
    before: translate(locale, 'photo.beforeAlt'),
    after: translate(locale, 'photo.previewAlt'),
  },
): ColumnSet {
  const afterPicture: Picture = typeof after === 'string' ? { kind: 'photo', previewDataUri: after } : after;
  const sizeOf = (picture: Picture): number => (picture.kind === 'photo' ? picture.previewDataUri.length : 0);
  const total = sizeOf(afterPicture) + sizeOf(before);
  if (total > MAX_PREVIEW_DATA_URI_BYTES) {
    throw new RangeError(
      `before and after previews are ${total} bytes together; at most ${MAX_PREVIEW_DATA_URI_BYTES} keep the message under Teams' size limit`,
    );
  }
  return {
    type: 'ColumnSet',
    columns: [
      pictureColumn(translate(locale, 'photo.before'), pictureElement(before, alt.before, locale)),
      pictureColumn(translate(locale, 'photo.after'), pictureElement(afterPicture, alt.after, locale)),
    ],
  };
}
