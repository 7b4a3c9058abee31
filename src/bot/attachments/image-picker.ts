/**
 * Picks the image out of a Teams message's attachments, without any I/O.
 *
 * Teams sends an image in one of two shapes (see docs/teams-graph-notes.md, "Teams messages with images"):
 * - inline (pasted, dropped, or picked on a mobile client): `contentType` `image/...` (often literally `image/*`)
 *   with a `contentUrl` on a Bot Framework / Teams host; downloading it needs the bot's own token;
 * - a file: `application/vnd.microsoft.teams.file.download.info` whose `content.downloadUrl` is pre-authorized.
 *
 * The same message also carries a `text/html` copy with an `<img>` on a Skype host; it is not an attachment to
 * download, so it is skipped. Every attachment is looked at (not only the first) so that the bot can tell the
 * person how many images it saw.
 */

/**
 * The part of a Bot Framework attachment this module reads. botbuilder's `Attachment` is assignable to it, so the
 * bot passes `activity.attachments` as they are.
 */
export interface Attachment {
  readonly contentType: string;
  readonly contentUrl?: string;
  readonly content?: unknown;
  readonly name?: string;
}

/** The content type of a file the person sent to the bot (manifest `supportsFiles`). */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** File types (Teams' `content.fileType`, lower case, no dot) taken as images; any other file is not an image. */
export const IMAGE_FILE_TYPES: ReadonlySet<string> = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'heic',
  'heif',
]);

/**
 * One image to download. `url` is where to fetch it; it is not checked here (the downloader checks scheme and
 * host). `name` is the file name the person's client reported: for display only, never for a path or a type.
 */
export type PickedImage =
  | { readonly kind: 'inline'; readonly url: string }
  | { readonly kind: 'file'; readonly url: string; readonly fileType: string; readonly name?: string };

/** What {@link pickImage} found. */
export interface ImagePick {
  /** The first image in attachment order, or `null` when there is none. */
  readonly image: PickedImage | null;
  /** How many attachments were images, so the bot can say "you sent 3 images; I used the first". */
  readonly imageCount: number;
  /**
   * The name of the first file sent that is not an image (a PDF, a document), so the answer can name it when
   * there is no image; `undefined` when there was none or it had no name. For display only.
   */
  readonly otherFileName?: string;
}

/**
 * Finds the first image among `attachments` and counts them all.
 *
 * An attachment without a usable URL (no `contentUrl`, no `content.downloadUrl`) is not counted: the bot could not
 * use it anyway. Teams' mobile clients sometimes send a gallery pick with no attachment at all, which gives
 * `{ image: null, imageCount: 0 }` here.
 */
export function pickImage(attachments: readonly Attachment[] | undefined): ImagePick {
  let first: PickedImage | null = null;
  let imageCount = 0;
  let otherFileName: string | undefined;
  for (const attachment of attachments ?? []) {
    const image = asImage(attachment);
    if (!image) {
      const type: unknown = attachment.contentType;
      if (typeof type === 'string' && type.toLowerCase() === TEAMS_FILE_DOWNLOAD_INFO) {
        otherFileName ??= nonEmptyString(attachment.name);
      }
      continue;
    }
    imageCount++;
    first ??= image;
  }
  return otherFileName === undefined
    ? { image: first, imageCount }
    : { image: first, imageCount, otherFileName };
}

function asImage(attachment: Attachment): PickedImage | null {
  // Content types are case-insensitive (RFC 9110); Teams sends them in lower case, but nothing promises it. The
  // activity is JSON from the wire, so the declared type is not taken on trust.
  const rawType: unknown = attachment.contentType;
  const contentType = typeof rawType === 'string' ? rawType.toLowerCase() : '';
  if (contentType.startsWith('image/')) {
    const url = nonEmptyString(attachment.contentUrl);
    return url ? { kind: 'inline', url } : null;
  }
  if (contentType === TEAMS_FILE_DOWNLOAD_INFO) {
    const content = attachment.content;
    if (typeof content !== 'object' || content === null) return null;
    const { downloadUrl, fileType } = content as { downloadUrl?: unknown; fileType?: unknown };
    const url = nonEmptyString(downloadUrl);
    // Teams gives `fileType` without a dot; a leading dot is tolerated. The name's extension is not looked at: it
    // is whatever the person called the file.
    const type = nonEmptyString(fileType)?.toLowerCase().replace(/^\./, '');
    if (!url || !type || !IMAGE_FILE_TYPES.has(type)) return null;
    const name = nonEmptyString(attachment.name);
    return name ? { kind: 'file', url, fileType: type, name } : { kind: 'file', url, fileType: type };
  }
  // Everything else, notably the `text/html` copy of an inline image, is not an image to download.
  return null;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
