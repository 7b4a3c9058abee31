/**
 * What the photo card turns into once its Undo has run (and the answer to the typed `undo`): what is in place
 * now, in words and as a picture, and **Use this photo again** (a redo, itself undoable).
 */
import { translate, type Locale } from '../../i18n/index.js';
import {
  cardAttachment,
  previewImage,
  titleBlock,
  type AdaptiveCardAttachment,
  type ExecuteAction,
} from './adaptive-card.js';
import { pictureElement } from './photo-pictures.js';

/** The `verb` of the "Use this photo again" button's `Action.Execute`. */
export const REDO_PHOTO_CHANGE_VERB = 'redoPhotoChange';

/**
 * Which photo is back after an undo: one the person set on `date` (already formatted), the one from before, or
 * (`other`) the one from before a change of somebody else's photo (a group's, a contact's), said without "your".
 */
export type BackTo =
  | { readonly kind: 'change'; readonly date: string }
  | { readonly kind: 'original' }
  | { readonly kind: 'other' };

/** What {@link undoneCard} needs. */
export interface UndoneCardOptions {
  readonly locale: Locale;
  /** `restored`: the previous photo is back; `removed`: there was none, so the new one was deleted. */
  readonly outcome: 'restored' | 'removed';
  /** The photo now in place, small, as for `photoUpdatedCard`; shown when given. */
  readonly previewDataUri?: string;
  /** Which photo is back; given, the title says it, and the picture (or "No photo") is shown at a set size. */
  readonly backTo?: BackTo;
  /** The undo's own change id: given, the card offers "Use this photo again", which sends it back. */
  readonly redoChangeId?: string;
}

/** The sentence that says what an undo left in place. */
export function undoneText(locale: Locale, outcome: 'restored' | 'removed', backTo?: BackTo): string {
  if (backTo === undefined)
    return translate(locale, outcome === 'restored' ? 'undo.restored' : 'undo.removed');
  if (backTo.kind === 'other') {
    return translate(locale, outcome === 'removed' ? 'undo.other.removed' : 'undo.other.restored');
  }
  if (outcome === 'removed') return translate(locale, 'undo.backToNone');
  return backTo.kind === 'change'
    ? translate(locale, 'undo.backToChange', { date: backTo.date })
    : translate(locale, 'undo.backToOriginal');
}

/**
 * The card that replaces the photo card after Undo (the `adaptiveCard/action` invoke's answer).
 * @throws RangeError when the preview data URI is over 60 KB; TypeError when it is not a base64 JPEG data URI or
 *   the redo change id is empty
 */
export function undoneCard(options: UndoneCardOptions): AdaptiveCardAttachment {
  const { locale, outcome, previewDataUri, backTo, redoChangeId } = options;
  if (redoChangeId === '') throw new TypeError('redoChangeId must not be empty');
  const text = undoneText(locale, outcome, backTo);
  const alt = translate(locale, 'photo.previewAlt');
  const picture =
    backTo === undefined
      ? previewDataUri === undefined
        ? []
        : [previewImage(previewDataUri, alt)]
      : [
          pictureElement(
            outcome === 'removed' || previewDataUri === undefined
              ? { kind: 'none' }
              : { kind: 'photo', previewDataUri },
            alt,
            locale,
          ),
        ];
  const actions: ExecuteAction[] =
    redoChangeId === undefined
      ? []
      : [
          {
            type: 'Action.Execute',
            title: translate(locale, 'redo.action'),
            verb: REDO_PHOTO_CHANGE_VERB,
            data: { changeId: redoChangeId },
          },
        ];
  return cardAttachment(text, [titleBlock(text), ...picture], actions);
}
