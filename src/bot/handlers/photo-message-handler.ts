/**
 * The main job: an image sent in chat becomes the sender's profile photo. The image is picked from the message's
 * attachments, downloaded safely, prepared on the worker pool, set through the change service (which backs up the
 * old photo first), and answered with a card showing the new photo and an Undo. A sender who must sign in first
 * gets a sign-in card, and the prepared photo (never the raw download) waits for them in the pending store.
 */
import type { TurnContext } from 'botbuilder';
import type { PhotoChangeService } from '../../changes/photo-change-service.js';
import { AuthError } from '../../errors.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import { pickLocale, translate } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PendingStore } from '../../storage/pending-store.js';
import { encodeKeySegment } from '../../storage/storage.js';
import type { AttachmentDownloader } from '../attachments/attachment-downloader.js';
import { jpegDataUri, photoUpdatedCard, pictureOf } from '../cards/index.js';
import type { OwnPhotoGates } from '../../trust/trust-gates.js';
import type { RecentPhotos } from '../recent-photos.js';
import { senderId, type SenderTokens } from '../sender-tokens.js';
import { failureText } from '../turn-errors.js';
import {
  PREVIEW_SIDE,
  previewDataUriOf,
  senderDisplayName,
  type DisplayNameLookup,
} from './photo-previews.js';

import { IncomingImages, type PhotoPreparer } from './incoming-image.js';

export type { PhotoPreparer } from './incoming-image.js';

/** What became of a photo that waited for a sign-in. */
export type ResumeOutcome = 'none' | 'done' | 'failed';

/** Sends the sign-in card; the caller has kept the photo. */
export type SignInPrompt = (context: TurnContext) => Promise<void>;

export interface PhotoMessageDeps {
  readonly preparer: PhotoPreparer;
  readonly downloader: Pick<AttachmentDownloader, 'download'>;
  readonly tokens: SenderTokens;
  readonly changes: PhotoChangeService;
  readonly pending: PendingStore;
  readonly pendingPhotoMs: number;
  /** The clock the pending store judges expiry by, to put a photo back for the time it had left. */
  readonly now: () => number;
  /** `null` in local mode, where nobody signs in. */
  readonly signIn: SignInPrompt | null;
  readonly maxInputBytes: number;
  readonly logger: Logger;
  /** Where the local directory lives, named in the answer to a sender it does not know. */
  readonly directoryFile?: string;
  /** The sender's name from a directory, for the card's initials (else `from.name`). */
  readonly displayName?: DisplayNameLookup;
  /** Where the photo waits a few minutes for a following `group <name>` or `contact <name>`. */
  readonly recent?: RecentPhotos;
  /** Quality review, the organisation's rules and approval (issue 18); each absent one is skipped. */
  readonly gates?: OwnPhotoGates;
}

export class PhotoMessageHandler {
  private readonly images: IncomingImages;

  constructor(private readonly deps: PhotoMessageDeps) {
    this.images = new IncomingImages(deps);
  }

  /** True when the message carries something that looks like an image (or a file) for this handler. */
  static wants(context: TurnContext): boolean {
    return IncomingImages.present(context);
  }

  async handle(context: TurnContext): Promise<void> {
    const locale = pickLocale(context.activity.locale);
    try {
      // Prepared before anything else: a photo that waits for a sign-in is kept as the prepared JPEG only (no
      // EXIF, no GPS, a few dozen KB), never as the raw download, and a refused image is answered at once.
      const received = await this.images.receive(context);
      if (!received) return;
      const { photo, imageCount } = received;
      await this.deps.recent?.keep(senderId(context), photo.jpeg);
      const { gates } = this.deps;
      // The organisation's rules first: nobody hears about a blurred photo they were never allowed to set.
      await gates?.policy?.check(context);
      if (gates?.quality && !(await gates.quality.review(context, photo))) return;
      await this.proceed(context, photo.jpeg, imageCount);
    } catch (error) {
      await this.answerFailure(context, error, locale);
    }
  }

  /**
   * Goes on with a photo whose quality review is behind it (**Use anyway** on a warning): sign-in, the
   * organisation's rules, approval, then the change. Failures are answered in chat.
   */
  async continueReviewed(context: TurnContext, jpeg: Uint8Array): Promise<void> {
    try {
      await this.proceed(context, jpeg, 1);
    } catch (error) {
      await this.answerFailure(context, error, pickLocale(context.activity.locale));
    }
  }

  /** Gets the sender's token (or keeps the photo and asks them to sign in), then applies the photo. */
  private async proceed(context: TurnContext, jpeg: Uint8Array, imageCount: number): Promise<void> {
    let token: AccessTokenSource;
    try {
      token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.ownPhoto);
    } catch (error) {
      if (!(error instanceof AuthError) || !this.deps.signIn) throw error;
      await this.deps.pending.put(pendingKey(context), jpeg, this.deps.pendingPhotoMs, 'image/jpeg');
      await this.deps.signIn(context);
      return;
    }
    await this.apply(context, jpeg, token, imageCount);
  }

  private async answerFailure(context: TurnContext, error: unknown, locale: ReturnType<typeof pickLocale>) {
    await context.sendActivity(
      failureText(error, locale, this.deps.logger, 'photo change', {
        id: context.activity.from.aadObjectId ?? context.activity.from.id,
        file: this.deps.directoryFile ?? '',
      }),
    );
  }

  /**
   * After a sign-in: sets the photo that waited for it, if it is still there. When the change fails, the photo is
   * put back to wait for its remaining time, so that the sign-in can be retried.
   * @param ssoToken the token the sign-in produced
   * @returns `none` when no photo was waiting, `done` when it was set, `failed` when setting it failed (the
   *   sender has been told why)
   */
  async resumePending(context: TurnContext, ssoToken?: string): Promise<ResumeOutcome> {
    const key = pendingKey(context);
    const item = await this.deps.pending.take(key);
    if (!item) return 'none';
    const locale = pickLocale(context.activity.locale);
    try {
      const token = await this.deps.tokens.forSender(context, DELEGATED_SCOPES.ownPhoto, ssoToken);
      await this.apply(context, item.value, token, 1);
      return 'done';
    } catch (error) {
      // Put back before answering: the photo must not be lost if the answer cannot be sent.
      const left = item.expiresAt === undefined ? 0 : item.expiresAt - this.deps.now();
      if (left > 0) await this.deps.pending.put(key, item.value, left, item.contentType);
      await context.sendActivity(failureText(error, locale, this.deps.logger, 'photo change'));
      return 'failed';
    }
  }

  /**
   * Sets an already prepared photo and answers with the card; or, where the organisation's rules refuse it, throws;
   * or, where changes need approval, leaves it as a request.
   */
  private async apply(context: TurnContext, jpeg: Uint8Array, token: AccessTokenSource, imageCount: number) {
    const locale = pickLocale(context.activity.locale);
    const { gates } = this.deps;
    await gates?.policy?.check(context, token);
    if (gates?.approval && (await gates.approval.intercept(context, jpeg))) return;
    const preview = await this.deps.preparer.run(jpeg, { size: PREVIEW_SIDE, crop: 'center' });
    const { changeId, replaced, graphRequestId, confirmed, readBack } = await this.deps.changes
      .change({ kind: 'me' }, jpeg, token, { id: senderId(context), path: 'chat' })
      .catch(async (error: unknown) => {
        // Graph refused under rules newer than the kept ones: answered as the rules' refusal, naming whom to ask.
        throw (await gates?.policy?.explain?.(error, context)) ?? error;
      });
    // The change's id is the correlation id of a success: the card's Undo and the audit log carry it too.
    this.deps.logger.info('photo changed', {
      correlationId: changeId,
      outcome: 'ok',
      graphRequestId,
      path: 'chat',
      readBack,
    });
    if (imageCount > 1) {
      await context.sendActivity(translate(locale, 'photo.severalImages', { count: String(imageCount) }));
    }
    const previewDataUri = jpegDataUri(preview.jpeg);
    // Before and after side by side: the old photo from the change's backup, else the sender's initials.
    const beforeUri = await previewDataUriOf(this.deps.preparer, replaced, this.deps.logger);
    const before = pictureOf(beforeUri, await senderDisplayName(context, this.deps.displayName));
    await context.sendActivity({
      attachments: [photoUpdatedCard({ locale, previewDataUri, changeId, before, confirmed })],
    });
  }
}

/** The pending store's key of a sender's waiting photo. */
function pendingKey(context: TurnContext): string {
  return `photo-${encodeKeySegment(senderId(context))}`;
}
