/**
 * The answer to a photo that was set: the photo before and after (or the new photo alone), when it will show
 * everywhere, and an Undo button. The same card answers a redo ("Use this photo again"), which is undoable too.
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  cardAttachment,
  previewImage,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
} from './adaptive-card.js';
import { beforeAfter, type Picture } from './photo-pictures.js';

/** The `verb` of the Undo button's `Action.Execute`; the `adaptiveCard/action` handler routes on it. */
export const UNDO_PHOTO_CHANGE_VERB = 'undoPhotoChange';

/** The `data` the Undo button sends back (in the invoke's `value.action.data`). */
export interface UndoPhotoChangeData {
  readonly changeId: string;
}

/** True when an invoke's `action.data` is what the Undo button sends (the invoke is input from the network). */
export function isUndoPhotoChangeData(data: unknown): data is UndoPhotoChangeData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { changeId?: unknown }).changeId === 'string' &&
    (data as { changeId: string }).changeId !== ''
  );
}

/** What {@link photoUpdatedCard} needs. */
export interface PhotoUpdatedCardOptions {
  readonly locale: Locale;
  /** The new photo, small (96–240 px): a `data:image/jpeg;base64,...` URI of at most 60 KB. */
  readonly previewDataUri: string;
  /** The change to undo (from the change service); sent back by the Undo button. */
  readonly changeId: string;
  /**
   * What was there before (the replaced photo's preview, the person's initials, or nothing): shown side by side
   * with the new photo. Left out, the card shows the new photo alone.
   */
  readonly before?: Picture;
  /** True when the photo was set again by "Use this photo again" (a redo): the title says so. */
  readonly again?: boolean;
  /**
   * True only when the photo was read back from Microsoft 365 after the change and was the new one (the change
   * result's `confirmed`): only then does the card say "set". Otherwise it says the photo was sent, not confirmed
   * yet, and what to do.
   */
  readonly confirmed: boolean;
}

/**
 * The card that says the photo is set (or, when reading it back did not confirm it, that it was sent and is not
 * confirmed yet, with what to do): title, a preview in a circle, a note on propagation and an Undo
 * button (`Action.Execute`, verb {@link UNDO_PHOTO_CHANGE_VERB}, data `{ changeId }`); answer its invoke with
 * `undoneCard` to replace it in place.
 * @throws RangeError when the preview data URI is over 60 KB; TypeError when it is not a base64 JPEG data URI or
 *   the change id is empty
 */
export function photoUpdatedCard(options: PhotoUpdatedCardOptions): AdaptiveCardAttachment {
  const { locale, previewDataUri, changeId, before } = options;
  if (changeId === '') throw new TypeError('changeId must not be empty');
  const title = !options.confirmed
    ? translate(locale, 'photo.unconfirmed.title')
    : translate(locale, options.again ? 'redo.title' : 'photo.updated.title');
  return cardAttachment(
    title,
    [
      titleBlock(title),
      before === undefined
        ? previewImage(previewDataUri, translate(locale, 'photo.previewAlt'))
        : beforeAfter(locale, before, previewDataUri),
      ...(options.confirmed ? [] : [textBlock(translate(locale, 'photo.unconfirmed.text'))]),
      // Said either way: Teams keeps people's photos for up to 3 days, whatever Graph holds.
      textBlock(translate(locale, 'photo.propagation3Days'), { subtle: true }),
    ],
    [
      {
        type: 'Action.Execute',
        title: translate(locale, 'photo.updated.undo'),
        verb: UNDO_PHOTO_CHANGE_VERB,
        data: { changeId } satisfies UndoPhotoChangeData,
      },
    ],
  );
}
