/**
 * The image of a chat message, received: picked out of the attachments, downloaded safely and prepared on the photo
 * pool. Every photo feature of the chat (one's own photo, a group's, a contact's) starts here, so an image is
 * refused the same way whichever photo it was meant for.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { AppError } from '../../errors.js';
import { pickLocale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { PrepareOptions, PreparedPhoto } from '../../photo/photo-pipeline.js';
import type { RunHandoff } from '../../photo/worker-pool.js';
import type { AttachmentDownloader } from '../attachments/attachment-downloader.js';
import { pickImage } from '../attachments/image-picker.js';
import { failureText } from '../turn-errors.js';

/** The photo pool's one operation the handlers need. */
export interface PhotoPreparer {
  run(input: Uint8Array, options?: PrepareOptions, handoff?: RunHandoff): Promise<PreparedPhoto>;
}

export interface IncomingImageDeps {
  readonly preparer: PhotoPreparer;
  readonly downloader: Pick<AttachmentDownloader, 'download'>;
  readonly maxInputBytes: number;
  readonly logger: Logger;
}

/** A message's image, prepared as a profile photo. */
export interface ReceivedImage {
  readonly photo: PreparedPhoto;
  /** How many images the message held (the first is used). */
  readonly imageCount: number;
}

export class IncomingImages {
  constructor(private readonly deps: IncomingImageDeps) {}

  /** True when the message carries something that looks like an image (or a file). */
  static present(context: TurnContext): boolean {
    return (context.activity.attachments ?? []).some((a) => a.contentType !== 'text/html');
  }

  /**
   * Downloads and prepares the message's image.
   * @returns `undefined` when the message holds no image; the person has then been told so (a file that is not an
   *   image is named in the answer)
   * @throws the download's or the pipeline's AppError, for the caller to answer
   */
  async receive(context: TurnContext): Promise<ReceivedImage | undefined> {
    const { image, imageCount, otherFileName } = pickImage(context.activity.attachments);
    if (!image) {
      const refusal = otherFileName ? new AppError('FileNotAnImage') : new AppError('NoImageFound');
      await context.sendActivity(
        failureText(refusal, pickLocale(context.activity.locale), this.deps.logger, 'photo', {
          name: otherFileName ?? '',
        }),
      );
      return undefined;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    const bytes = await this.deps.downloader.download(image);
    // The download is this turn's alone and not used again: handed to the worker rather than copied, which would
    // block the event loop for tens of milliseconds per 12 MP photo. Only the prepared JPEG (no EXIF, no GPS) is
    // ever kept.
    const photo = await this.deps.preparer.run(
      bytes,
      { maxInputBytes: this.deps.maxInputBytes },
      { transferInput: true },
    );
    return { photo, imageCount };
  }
}
