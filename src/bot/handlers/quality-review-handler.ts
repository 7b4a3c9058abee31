/**
 * The quality review of a photo a person sends for themselves (issue 18), per the organisation's mode:
 * - `off`, or no findings: nothing is said, the change goes on;
 * - `block`: refused with `PhotoQualityBlocked`, the reasons listed, and nothing changes;
 * - `warn`: the prepared JPEG waits in the pending store (one per sender, for `PENDING_PHOTO_MINUTES`) and the
 *   person gets a preview card with the reasons and **Use anyway**. The button carries the kept photo's id: a card
 *   whose photo was replaced by a newer one, already used, or expired answers so and applies nothing.
 */
import { randomUUID } from 'node:crypto';
import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { pickLocale, sentenceGap, translate, type Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PreparedPhoto } from '../../photo/photo-pipeline.js';
import type { PendingStore } from '../../storage/pending-store.js';
import { encodeKeySegment } from '../../storage/storage.js';
import {
  judgeQuality,
  judgedFaces,
  type QualityFinding,
  type QualitySettings,
} from '../../trust/quality-check.js';
import type { QualityGate } from '../../trust/trust-gates.js';
import type { QualityReviewRoutes } from '../../trust/trust-routes.js';
import {
  findingLines,
  isUseAnywayData,
  qualityUsedCard,
  qualityWarningCard,
} from '../cards/quality-cards.js';
import { senderId } from '../sender-tokens.js';
import { cardResponse, messageResponse } from './invoke-responses.js';
import { previewDataUriOf, type PreviewMaker } from './photo-previews.js';

/** What goes on after **Use anyway** (the chat photo handler's `continueReviewed`). */
export interface ReviewedPhotoContinuation {
  continueReviewed(context: TurnContext, jpeg: Uint8Array): Promise<void>;
}

export interface QualityReviewDeps {
  readonly settings: QualitySettings;
  readonly pending: PendingStore;
  /** How long a warned photo waits for **Use anyway** (`PENDING_PHOTO_MINUTES`). */
  readonly pendingPhotoMs: number;
  /** Makes the card's small preview. */
  readonly previews: PreviewMaker;
  /** The chat photo handler, once built (it takes this gate, so it exists only after it). */
  readonly photo: () => ReviewedPhotoContinuation;
  readonly logger: Logger;
}

/** A warned photo as it waits: its id (on the card), the JPEG and the card's preview. */
interface KeptPhoto {
  readonly photoId: string;
  /** Base64. */
  readonly jpeg: string;
  readonly previewDataUri?: string;
}

export class QualityReviewHandler implements QualityGate, QualityReviewRoutes {
  constructor(private readonly deps: QualityReviewDeps) {}

  /** The findings of a prepared photo under these settings (faces only when face detection is on). */
  findings(photo: PreparedPhoto): QualityFinding[] {
    const { settings } = this.deps;
    return judgeQuality(
      { measures: photo.measures, crop: photo.crop, faces: judgedFaces(photo, settings) },
      settings,
    );
  }

  async review(context: TurnContext, photo: PreparedPhoto): Promise<boolean> {
    const findings = this.findings(photo);
    if (findings.length === 0) return true;
    const locale = pickLocale(context.activity.locale);
    const { mode } = this.deps.settings.quality;
    this.deps.logger.info('photo quality findings', {
      outcome: mode === 'block' ? 'refused' : 'warned',
      reasons: findings.map((finding) => finding.reason).join(','),
    });
    if (mode === 'block') {
      await context.sendActivity(blockedText(locale, findings));
      return false;
    }
    const photoId = randomUUID();
    const previewDataUri = await previewDataUriOf(this.deps.previews, photo.jpeg, this.deps.logger);
    const kept: KeptPhoto = {
      photoId,
      jpeg: Buffer.from(photo.jpeg).toString('base64'),
      ...(previewDataUri === undefined ? {} : { previewDataUri }),
    };
    await this.deps.pending.putJson(keptKey(context), kept, this.deps.pendingPhotoMs);
    await context.sendActivity({
      attachments: [qualityWarningCard({ locale, previewDataUri, findings, photoId })],
    });
    return false;
  }

  async onUseAnyway(context: TurnContext, data: unknown): Promise<AdaptiveCardInvokeResponse> {
    const locale = pickLocale(context.activity.locale);
    if (!isUseAnywayData(data)) return messageResponse(translate(locale, 'quality.expired'));
    const { photoId } = data;
    const { pending, pendingPhotoMs } = this.deps;
    // One press wins, across instances and double clicks; a later one hears the photo was already used.
    const usedMark = `quality-used-${photoId}`;
    if (!(await pending.claim(usedMark, pendingPhotoMs))) {
      return messageResponse(translate(locale, 'quality.alreadyUsed'));
    }
    const key = keptKey(context);
    const waiting = await pending.getJson<KeptPhoto>(key);
    if (waiting?.photoId !== photoId) {
      await pending.release(usedMark);
      return messageResponse(translate(locale, waiting ? 'quality.replaced' : 'quality.expired'));
    }
    const taken = await pending.takeJson<KeptPhoto>(key);
    if (taken?.photoId !== photoId) {
      // A newer photo arrived between the two reads: it stays for its own card.
      if (taken) await pending.putJson(key, taken, pendingPhotoMs);
      await pending.release(usedMark);
      return messageResponse(translate(locale, taken ? 'quality.replaced' : 'quality.expired'));
    }
    this.deps.logger.info('photo quality overridden', { outcome: 'ok' });
    await this.deps.photo().continueReviewed(context, Buffer.from(taken.jpeg, 'base64'));
    return cardResponse(qualityUsedCard(locale, taken.previewDataUri));
  }
}

/** The refusal: what happened, each reason, then what to do next. */
export function blockedText(locale: Locale, findings: readonly QualityFinding[]): string {
  const lines = findingLines(locale, findings).map((line) => `- ${line}`);
  return [
    translate(locale, 'PhotoQualityBlocked'),
    ...lines,
    translate(locale, 'PhotoQualityBlocked.next'),
  ].join(sentenceGap(locale) === '' ? '\n' : '\n\n');
}

/** The pending store's key of a sender's warned photo. */
function keptKey(context: TurnContext): string {
  return `quality-${encodeKeySegment(senderId(context))}`;
}
