/**
 * The composition of the quality checks (issue 18): the settings from `config.trust`, and the chat's review (the
 * photo handler's quality gate and the **Use anyway** route). The page's API applies the same settings itself
 * (photo-actions.ts). `app.ts` builds it once.
 */
import {
  QualityReviewHandler,
  type ReviewedPhotoContinuation,
} from './bot/handlers/quality-review-handler.js';
import type { PreviewMaker } from './bot/handlers/photo-previews.js';
import type { AppConfig } from './config.js';
import type { Logger } from './logger.js';
import type { PendingStore } from './storage/pending-store.js';
import type { QualitySettings } from './trust/quality-check.js';

export interface QualityFeatureDeps {
  readonly config: AppConfig;
  readonly pending: PendingStore;
  readonly previews: PreviewMaker;
  /** The chat photo handler, built after this (it takes the gate). */
  readonly photo: () => ReviewedPhotoContinuation;
  readonly logger: Logger;
}

export interface QualityFeatures {
  readonly settings: QualitySettings;
  /** The chat photo handler's quality gate, and the bot's **Use anyway** route. */
  readonly review: QualityReviewHandler;
}

export function qualityFeatures(deps: QualityFeatureDeps): QualityFeatures {
  const { config } = deps;
  const settings: QualitySettings = {
    quality: config.trust.quality,
    faceDetection: config.trust.faceDetection,
  };
  const review = new QualityReviewHandler({
    settings,
    pending: deps.pending,
    pendingPhotoMs: config.bot.pendingPhotoMs,
    previews: deps.previews,
    photo: deps.photo,
    logger: deps.logger,
  });
  return { settings, review };
}
