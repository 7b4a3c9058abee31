/**
 * What the photo card turns into once its Undo has run: the outcome, no buttons (the change cannot be undone
 * twice, and a stale button would only earn an error).
 */
import { translate, type Locale } from '../../i18n/index.js';
import { cardAttachment, previewImage, titleBlock, type AdaptiveCardAttachment } from './adaptive-card.js';

/** What {@link undoneCard} needs. */
export interface UndoneCardOptions {
  readonly locale: Locale;
  /** `restored`: the previous photo is back; `removed`: there was none, so the new one was deleted. */
  readonly outcome: 'restored' | 'removed';
  /** The photo now in place, small, as for `photoUpdatedCard`; shown when given. */
  readonly previewDataUri?: string;
}

/**
 * The card that replaces the photo card after Undo (the `adaptiveCard/action` invoke's answer).
 * @throws RangeError when the preview data URI is over 60 KB; TypeError when it is not a base64 JPEG data URI
 */
export function undoneCard(options: UndoneCardOptions): AdaptiveCardAttachment {
  const { locale, outcome, previewDataUri } = options;
  const text = translate(locale, outcome === 'restored' ? 'undo.restored' : 'undo.removed');
  return cardAttachment(text, [
    titleBlock(text),
    ...(previewDataUri === undefined
      ? []
      : [previewImage(previewDataUri, translate(locale, 'photo.previewAlt'))]),
  ]);
}
