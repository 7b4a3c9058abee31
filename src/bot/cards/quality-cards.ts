/**
 * The quality warning card (issue 18): a small preview of the prepared photo, each finding as a line saying what is
 * wrong and what to do, **Use anyway** (an `Action.Execute` carrying the id of the photo it shows, so an old card
 * can never apply a newer photo), and "or send another photo". Once used, it turns into a short card saying so.
 */
import { translate, type Locale } from '../../i18n/index.js';
import type { QualityFinding } from '../../trust/quality-check.js';
import { USE_ANYWAY_VERB } from '../../trust/trust-verbs.js';
import {
  cardAttachment,
  listBlock,
  previewImage,
  textBlock,
  titleBlock,
  type AdaptiveCardAttachment,
  type ImageElement,
} from './adaptive-card.js';

/** The data of **Use anyway**: the id the kept photo was stored with. */
export interface UseAnywayData {
  readonly photoId: string;
}

/** True when an invoke's data is a **Use anyway** button's (the invoke is input from the network). */
export function isUseAnywayData(data: unknown): data is UseAnywayData {
  const photoId = (data as { photoId?: unknown } | null)?.photoId;
  return typeof photoId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(photoId);
}

/** Each finding's line, in the person's language. */
export function findingLines(locale: Locale, findings: readonly QualityFinding[]): string[] {
  return findings.map((finding) => translate(locale, `quality.reason.${finding.reason}`));
}

export interface QualityWarningCardOptions {
  readonly locale: Locale;
  /** The prepared photo, small, as a `data:image/jpeg` URI; without one the card has no picture. */
  readonly previewDataUri: string | undefined;
  readonly findings: readonly QualityFinding[];
  /** The kept photo's id (see {@link UseAnywayData}). */
  readonly photoId: string;
}

/**
 * The warning with the preview and **Use anyway**.
 * @throws RangeError / TypeError for a preview that is not a small base64 JPEG data URI
 */
export function qualityWarningCard(options: QualityWarningCardOptions): AdaptiveCardAttachment {
  const { locale, previewDataUri, findings, photoId } = options;
  const title = translate(locale, 'quality.card.title');
  return cardAttachment(
    title,
    [
      titleBlock(title),
      ...pictureOf(locale, previewDataUri),
      listBlock(findingLines(locale, findings)),
      textBlock(translate(locale, 'quality.card.sendAnother'), { subtle: true }),
    ],
    [
      {
        type: 'Action.Execute',
        title: translate(locale, 'quality.card.useAnyway'),
        verb: USE_ANYWAY_VERB,
        data: { photoId },
      },
    ],
  );
}

/** What the warning card becomes once **Use anyway** was pressed: the preview, and that it was used. */
export function qualityUsedCard(locale: Locale, previewDataUri: string | undefined): AdaptiveCardAttachment {
  const text = translate(locale, 'quality.used');
  return cardAttachment(text, [titleBlock(text), ...pictureOf(locale, previewDataUri)]);
}

function pictureOf(locale: Locale, previewDataUri: string | undefined): ImageElement[] {
  return previewDataUri === undefined
    ? []
    : [previewImage(previewDataUri, translate(locale, 'photo.previewAlt'))];
}
