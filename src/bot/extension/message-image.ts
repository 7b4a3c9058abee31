/**
 * Where the image of a message comes from, for the message action **Set as group photo**. Teams hands the bot the
 * message as Graph stores it (`value.messagePayload`), and an image can be in it three ways, tried in this order:
 * 1. a plain image attachment (`image/*` with a `contentUrl`, as a bot's or a connector's message carries it, or
 *    a file sent to the bot): downloaded by the same {@link AttachmentDownloader} as a chat photo, under its rules;
 * 2. a file shared from SharePoint or OneDrive (`contentType: 'reference'`) whose name is an image's: read through
 *    Graph's `/shares` with the person's own `Files.Read.All` token, so they only get files they may open;
 * 3. an image pasted into the text: only in the HTML body, as an `<img>` whose `src` is a hosted content of the
 *    message on our own Graph origin; read with the person's `Chat.Read` (a chat) or `ChannelMessage.Read.All`
 *    (a channel) token. A `src` anywhere else is not ours to fetch and is ignored: the HTML is the sender's.
 *
 * Finding the source is pure ({@link findMessageImage}); fetching it ({@link MessageImages}) asks for the one
 * token that source needs and no other.
 */
import { DELEGATED_SCOPES } from '../../auth/obo-token-provider.js';
import type { HostedContentRef } from '../../graph/graph-content-client.js';
import type { AccessTokenSource } from '../../graph/graph-photo-client.js';
import type { AttachmentDownloader } from '../attachments/attachment-downloader.js';
import {
  IMAGE_FILE_TYPES,
  pickImage,
  type Attachment,
  type PickedImage,
} from '../attachments/image-picker.js';
import { imageSources } from './html-images.js';

/** The image of a message, before anything is fetched. */
export type MessageImageSource =
  | { readonly kind: 'attachment'; readonly image: PickedImage }
  | { readonly kind: 'shared-file'; readonly contentUrl: string }
  | { readonly kind: 'hosted'; readonly ref: HostedContentRef };

/** What the extension needs of the Graph content client (graph-content-client.ts), structurally. */
export interface MessageContents {
  /** The hosted content a URL names, only for URLs on our own Graph origin. */
  parseHostedContentUrl(url: string): HostedContentRef | undefined;
  hostedContent(ref: HostedContentRef, token: AccessTokenSource): Promise<Uint8Array>;
  sharedFile(contentUrl: string, token: AccessTokenSource): Promise<Uint8Array>;
}

/** Attachments looked at in one message, at most (Teams allows about ten). */
const MAX_ATTACHMENTS = 32;
/** Longest file name or URL taken from an attachment. */
const MAX_FIELD_CHARS = 4096;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FIELD_CHARS
    ? value
    : undefined;
}

/**
 * True when a shared file's name is an image's. A `reference` attachment carries no file type, so its name is all
 * there is; it only decides whether the file is worth reading: the pipeline judges the bytes themselves.
 */
function isImageFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return (
    dot >= 0 &&
    IMAGE_FILE_TYPES.has(
      name
        .slice(dot + 1)
        .trim()
        .toLowerCase(),
    )
  );
}

/** The first `reference` attachment that names an image, with an https URL. */
function sharedImage(attachments: readonly Record<string, unknown>[]): string | undefined {
  for (const attachment of attachments) {
    const type = text(attachment.contentType)?.toLowerCase();
    const url = text(attachment.contentUrl);
    const name = text(attachment.name);
    if (type !== 'reference' || url === undefined || name === undefined || !isImageFileName(name)) continue;
    if (url.startsWith('https://')) return url;
  }
  return undefined;
}

/**
 * The image of a message action's `messagePayload`, or `undefined` when it holds none this app can read.
 * @param parseHosted the content client's parser: a hosted content on our own Graph origin, else `undefined`
 */
function findMessageImage(
  payload: unknown,
  parseHosted: (url: string) => HostedContentRef | undefined,
): MessageImageSource | undefined {
  const message = record(payload);
  if (!message) return undefined;
  const attachments = (Array.isArray(message.attachments) ? (message.attachments as unknown[]) : [])
    .slice(0, MAX_ATTACHMENTS)
    .map(record)
    .filter((attachment): attachment is Record<string, unknown> => attachment !== undefined);
  const { image } = pickImage(attachments as unknown as Attachment[]);
  if (image) return { kind: 'attachment', image };
  const shared = sharedImage(attachments);
  if (shared !== undefined) return { kind: 'shared-file', contentUrl: shared };
  const content = record(message.body)?.content;
  if (typeof content !== 'string') return undefined;
  for (const src of imageSources(content)) {
    const ref = parseHosted(src);
    if (ref) return { kind: 'hosted', ref };
  }
  return undefined;
}

/** Hands out a Graph token for the sender with some scopes (the extension's sign-in decides how). */
export type ScopedToken = (scopes: readonly string[]) => Promise<AccessTokenSource>;

export interface MessageImagesDeps {
  readonly downloader: Pick<AttachmentDownloader, 'download'>;
  readonly contents: MessageContents;
}

/** Finds and fetches the image of a message. */
export class MessageImages {
  constructor(private readonly deps: MessageImagesDeps) {}

  /** See {@link findMessageImage}. */
  find(payload: unknown): MessageImageSource | undefined {
    return findMessageImage(payload, (url) => this.deps.contents.parseHostedContentUrl(url));
  }

  /**
   * The source's bytes, as they are (the caller prepares them).
   * @throws the downloader's AppError or PhotoError; the content client's GraphError or PhotoError; the token's
   *   AuthError
   */
  async bytes(source: MessageImageSource, token: ScopedToken): Promise<Uint8Array> {
    switch (source.kind) {
      case 'attachment':
        return this.deps.downloader.download(source.image);
      case 'shared-file':
        return this.deps.contents.sharedFile(source.contentUrl, await token(DELEGATED_SCOPES.sharedFiles));
      case 'hosted': {
        const scopes =
          source.ref.kind === 'chat' ? DELEGATED_SCOPES.chatImages : DELEGATED_SCOPES.channelImages;
        return this.deps.contents.hostedContent(source.ref, await token(scopes));
      }
    }
  }
}
