/**
 * Reads what a Teams message holds besides its text, with the signed-in user's delegated token: an image pasted
 * into the message (a hosted content, which Teams leaves out of the message's attachments and links from its HTML
 * as `<img src="https://graph.microsoft.com/v1.0/chats/.../hostedContents/.../$value">`), and a file shared in it
 * (a `reference` attachment whose `contentUrl` is a SharePoint or OneDrive URL, read through `/shares`).
 *
 * Two things keep the user's token where it belongs:
 * - An `<img src>` comes from the message, which anyone in the conversation wrote. Only a URL on this client's own
 *   Graph origin and of the hosted-content shape is read ({@link GraphContentClient.parseHostedContentUrl}); the
 *   request is then rebuilt from the ids, so nothing else of the URL reaches the wire.
 * - `/shares/{id}/driveItem/content` answers 302 to a pre-authenticated download URL on SharePoint. Redirects are
 *   followed here rather than by `fetch`: only to http(s), never from https down to http (the link is the key), at
 *   most five times, and without the `Authorization` header once a hop leaves the Graph origin.
 *
 * Every body is read as a stream and given up (the connection aborted) as soon as it passes `maxBytes`, so a huge
 * or endless answer costs no more than the cap. Failures are typed: {@link GraphError} from Graph (403
 * `GraphForbidden`, 404 `GraphNotFound`...), `AppError('ImageTooLarge')` past the cap.
 */
import { AppError } from '../errors.js';
import { readCappedBody } from './capped-body.js';
import { GraphTransport, type AccessTokenSource, type GraphTransportOptions } from './graph-transport.js';

export type { AccessTokenSource } from './graph-transport.js';

/** A hosted content of a chat message, or of a channel message or reply. */
export type HostedContentRef =
  | { kind: 'chat'; chatId: string; messageId: string; contentId: string }
  | {
      kind: 'channel';
      teamId: string;
      channelId: string;
      messageId: string;
      replyId?: string;
      contentId: string;
    };

export interface GraphContentClientOptions extends GraphTransportOptions {
  /** Largest body read, in bytes; a longer one fails with `ImageTooLarge`. */
  readonly maxBytes: number;
}

/** Redirects followed for one request, at most (SharePoint needs one). */
const MAX_REDIRECTS = 5;

/** The id of a shared item by its URL: `u!` and the URL's UTF-8 bytes in unpadded base64url, as Graph asks. */
export function shareIdOf(url: string): string {
  return `u!${Buffer.from(url, 'utf8').toString('base64url')}`;
}

export class GraphContentClient {
  private readonly transport: GraphTransport;
  private readonly maxBytes: number;
  /** The Graph origin, e.g. `https://graph.microsoft.com`: the only one a hosted-content URL may name. */
  private readonly origin: string;
  /** Path segments of the base URL before the version (none for Graph itself). */
  private readonly basePath: readonly string[];

  constructor(options: GraphContentClientOptions) {
    if (!(Number.isSafeInteger(options.maxBytes) && options.maxBytes > 0)) {
      throw new RangeError('maxBytes must be a positive integer');
    }
    const send = options.fetch ?? globalThis.fetch;
    this.transport = new GraphTransport({ ...options, fetch: followingRedirects(send) });
    this.maxBytes = options.maxBytes;
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.split('/').filter((segment) => segment.length > 0);
  }

  /**
   * Reads a hosted-content URL as it appears in a message's HTML; only a URL on this client's own Graph origin
   * (v1.0 or beta) and of the hosted-content shape is accepted, so the user's token is never sent anywhere else.
   * @returns undefined when the URL is not one (the caller then ignores that `<img>`)
   */
  parseHostedContentUrl(url: string): HostedContentRef | undefined {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    if (parsed.origin !== this.origin || parsed.username !== '' || parsed.password !== '') return undefined;
    if (parsed.search !== '' || parsed.hash !== '') return undefined;
    const segments = decodeSegments(parsed.pathname);
    if (!segments) return undefined;
    const base = segments.slice(0, this.basePath.length);
    if (base.length !== this.basePath.length || base.some((part, at) => part !== this.basePath[at])) {
      return undefined;
    }
    const [version, ...rest] = segments.slice(this.basePath.length);
    if (version !== 'v1.0' && version !== 'beta') return undefined;
    return hostedContentRef(rest);
  }

  /**
   * The bytes of a hosted content.
   * @throws GraphError; AppError `ImageTooLarge` past `maxBytes`; RangeError for an id no path segment can hold
   */
  async hostedContent(ref: HostedContentRef, token: AccessTokenSource): Promise<Uint8Array> {
    const { response } = await this.transport.require(hostedContentPath(ref), token, { method: 'GET' });
    return readCappedBody(response, this.maxBytes, (detail) => new AppError('ImageTooLarge', detail));
  }

  /**
   * A shared file (a `reference` attachment's contentUrl), through /shares/{id}/driveItem/content.
   * @throws GraphError (`GraphUnavailable` with code `RedirectRefused` for a redirect this client will not follow);
   *   AppError `ImageTooLarge` past `maxBytes`
   */
  async sharedFile(contentUrl: string, token: AccessTokenSource): Promise<Uint8Array> {
    const { response } = await this.transport.require(
      `/shares/${shareIdOf(contentUrl)}/driveItem/content`,
      token,
      { method: 'GET' },
      { followRedirects: true },
    );
    return readCappedBody(response, this.maxBytes, (detail) => new AppError('ImageTooLarge', detail));
  }
}

/** The path's segments, percent-decoded; `undefined` when one cannot be decoded. */
function decodeSegments(pathname: string): string[] | undefined {
  try {
    return pathname
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}

/** An id as it may stand in one path segment: not empty, not a dot segment, no separator or control character. */
function isId(value: string | undefined): value is string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return value !== undefined && value !== '.' && value !== '..' && /^[^/\\\u0000-\u001f\u007f]+$/.test(value);
}

/** Literal segments compare without case, as Graph's do. */
function literal(segment: string | undefined, expected: string): boolean {
  return segment?.toLowerCase() === expected.toLowerCase();
}

/** The reference a hosted-content path (after the version) names, if it is one. */
function hostedContentRef(path: readonly string[]): HostedContentRef | undefined {
  const tail = path.slice(-3);
  const contentId = tail[1];
  if (!literal(tail[0], 'hostedContents') || !literal(tail[2], '$value') || !isId(contentId))
    return undefined;
  const head = path.slice(0, -3);
  if (head.length === 4) {
    const [chats, chatId, messages, messageId] = head;
    if (literal(chats, 'chats') && literal(messages, 'messages') && isId(chatId) && isId(messageId)) {
      return { kind: 'chat', chatId, messageId, contentId };
    }
    return undefined;
  }
  if (head.length !== 6 && head.length !== 8) return undefined;
  const [teams, teamId, channels, channelId, messages, messageId, replies, replyId] = head;
  if (
    !literal(teams, 'teams') ||
    !literal(channels, 'channels') ||
    !literal(messages, 'messages') ||
    !isId(teamId) ||
    !isId(channelId) ||
    !isId(messageId)
  ) {
    return undefined;
  }
  if (head.length === 6) return { kind: 'channel', teamId, channelId, messageId, contentId };
  if (!literal(replies, 'replies') || !isId(replyId)) return undefined;
  return { kind: 'channel', teamId, channelId, messageId, replyId, contentId };
}

/** One path segment: percent-encoded, except the characters Teams ids are made of that a path may carry as is. */
function segment(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%40/gi, '@').replace(/%3D/gi, '=');
}

/** @throws RangeError for an id that could not stand in one path segment (`..` would climb out of the path) */
function hostedContentPath(ref: HostedContentRef): string {
  const ids =
    ref.kind === 'chat'
      ? [ref.chatId, ref.messageId, ref.contentId]
      : [
          ref.teamId,
          ref.channelId,
          ref.messageId,
          ref.contentId,
          ...(ref.replyId === undefined ? [] : [ref.replyId]),
        ];
  if (!ids.every(isId)) throw new RangeError('not a hosted content reference');
  const content = `hostedContents/${segment(ref.contentId)}/$value`;
  if (ref.kind === 'chat') {
    return `/chats/${segment(ref.chatId)}/messages/${segment(ref.messageId)}/${content}`;
  }
  const message = `/teams/${segment(ref.teamId)}/channels/${segment(ref.channelId)}/messages/${segment(ref.messageId)}`;
  return ref.replyId === undefined
    ? `${message}/${content}`
    : `${message}/replies/${segment(ref.replyId)}/${content}`;
}

/** A redirect this client will not follow; the transport reports it as `GraphUnavailable` with this name. */
class RedirectRefused extends Error {
  override readonly name = 'RedirectRefused';
}

/**
 * A fetch that follows redirects itself when asked to follow them (see the module's comment for the rules), and
 * otherwise passes the request on unchanged. Only for GET requests, which is all this client sends.
 */
function followingRedirects(send: typeof fetch): typeof fetch {
  return async (input, init) => {
    if (init?.redirect !== 'follow' || !(typeof input === 'string' || input instanceof URL)) {
      return send(input, init);
    }
    let url = new URL(input);
    const headers = new Headers(init.headers);
    for (let hop = 0; ; hop++) {
      const response = await send(url, { ...init, headers, redirect: 'manual' });
      if (![301, 302, 303, 307, 308].includes(response.status)) return response;
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (hop >= MAX_REDIRECTS) throw new RedirectRefused(`more than ${MAX_REDIRECTS} redirects`);
      if (location === null) throw new RedirectRefused('a redirect without a Location');
      const next = new URL(location, url);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') {
        throw new RedirectRefused(`a redirect to a ${next.protocol} URL`);
      }
      if (url.protocol === 'https:' && next.protocol === 'http:') {
        throw new RedirectRefused('a redirect from https to http');
      }
      // Once a hop leaves the origin the token was meant for, no later hop gets it, wherever it leads.
      if (next.origin !== url.origin) headers.delete('authorization');
      url = next;
    }
  };
}
