/**
 * Downloads the image a person sent to the bot, with the outbound rules of conventions.md rule 5.
 *
 * - https only. Loopback hosts (`localhost`, 127.0.0.0/8, `::1`), over http or https, only in local mode
 *   (`allowLoopback`); any other IP literal never (Teams never sends one, and an address is the usual way to reach
 *   a cloud metadata endpoint or an internal service).
 * - The bot's token goes only to hosts on the `tokenHosts` allowlist, and an inline image on any other host is
 *   refused before any request is made.
 * - Redirects are followed by hand so that every hop is checked by the same rules (see {@link AttachmentDownloader}).
 * - The byte cap is enforced while the body streams in, and one deadline covers the whole download.
 *
 * Error messages name the origin at most: never a path or query string (a pre-authorized download URL carries its
 * authorization there) and never the token. For the same reason the underlying fetch error is not attached as
 * `cause`; only its code or name is kept.
 */
import type { ReadableStream } from 'node:stream/web';
import { AppError, PhotoError } from '../../errors.js';
import { HostAllowlist, isIpLiteral, isLoopbackHost } from './host-rules.js';
import type { PickedImage } from './image-picker.js';

/** How many redirects are followed when the options do not say. */
export const DEFAULT_MAX_REDIRECTS = 3;

/** Everything the downloader touches outside itself. */
export interface AttachmentDownloaderOptions {
  /** Defaults to the global fetch; tests pass a spy. */
  readonly fetch?: typeof fetch;
  /**
   * The bot's own token (client credentials for `https://api.botframework.com/.default`), asked for only when an
   * inline image has passed every host check. Its errors reach the caller unchanged: they are the token
   * provider's to explain, not a download failure.
   */
  readonly botToken: () => Promise<string>;
  /** Hosts that may receive the bot's token; see {@link HostAllowlist} for the entry syntax. */
  readonly tokenHosts: readonly string[];
  /** Local mode: loopback hosts are allowed, over plain http too. */
  readonly allowLoopback: boolean;
  /** Largest body accepted, in bytes; more is `ImageTooLarge`. */
  readonly maxBytes: number;
  /** Deadline for the whole download (every hop and the body), in milliseconds. */
  readonly timeoutMs: number;
  /** Redirects followed at most (default {@link DEFAULT_MAX_REDIRECTS}); 0 refuses any redirect. */
  readonly maxRedirects?: number;
}

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a {@link PickedImage}'s bytes.
 *
 * **Inline images** need the bot's token. Every hop of an inline download, the first and each redirect target,
 * must be on the token allowlist, or the download stops with `AttachmentHostNotAllowed` before that hop is
 * requested: an inline image lives on a Bot Framework / Teams host, so a redirect elsewhere is not something we
 * follow. The `Authorization` header is sent on a hop only when that hop is on the allowlist *and* has the same
 * origin (scheme, host, port) as the first request, so the token never follows a redirect to another host, not
 * even to another allowlisted one (that hop is followed without it).
 *
 * **Files** (`content.downloadUrl`) never carry an `Authorization` header, on any hop: the URL is pre-authorized
 * (its query holds a short-lived grant from SharePoint / OneDrive), so a bearer token adds nothing, and sending
 * the bot's token there would hand it to whichever host the URL names, which arrives in the activity. This is the
 * same choice the Teams SDK (microsoft/teams.ts) makes for pre-signed URLs. A file's hops may be on any host that
 * passes the scheme and address checks: the tenant's SharePoint host is not known in advance.
 */
export class AttachmentDownloader {
  private readonly fetch: typeof fetch;
  private readonly botToken: () => Promise<string>;
  private readonly tokenHosts: HostAllowlist;
  private readonly allowLoopback: boolean;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly maxRedirects: number;

  /** @throws RangeError for a bad limit or allowlist entry, so a configuration mistake fails at start-up */
  constructor(options: AttachmentDownloaderOptions) {
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes <= 0)
      throw new RangeError('maxBytes must be a positive integer');
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0)
      throw new RangeError('timeoutMs must be a positive number');
    if (!Number.isSafeInteger(maxRedirects) || maxRedirects < 0)
      throw new RangeError('maxRedirects must be a non-negative integer');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.botToken = options.botToken;
    this.tokenHosts = new HostAllowlist(options.tokenHosts);
    this.allowLoopback = options.allowLoopback;
    this.maxBytes = options.maxBytes;
    this.timeoutMs = options.timeoutMs;
    this.maxRedirects = maxRedirects;
  }

  /**
   * The image's bytes.
   * @throws AppError `AttachmentHostNotAllowed` (a URL or redirect the rules refuse; nothing is sent to it),
   *   `AttachmentDownloadFailed` (network error, non-2xx status, too many redirects, empty body, timeout)
   * @throws PhotoError `ImageTooLarge` (declared or streamed body over `maxBytes`)
   */
  async download(image: PickedImage): Promise<Uint8Array> {
    const first = this.checkHop(image.url, image.kind);
    // Asked for only after the URL passed, so a refused URL costs no token. Outside the deadline and the catch
    // below: a sign-in failure is the token provider's to report.
    const token = image.kind === 'inline' ? await this.botToken() : undefined;

    const controller = new AbortController();
    const deadline = { passed: false };
    const timer = setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      let url = first;
      for (let redirects = 0; ; redirects++) {
        const headers: Record<string, string> = {};
        // An empty token (local mode has no bot credentials) means no header rather than `Bearer ` with nothing.
        if (token && this.tokenHosts.has(url.hostname) && url.origin === first.origin)
          headers.authorization = `Bearer ${token}`;
        const response = await this.fetch(url.href, {
          method: 'GET',
          headers,
          // Followed by hand below: fetch's own redirect handling would send the request on without our checks.
          redirect: 'manual',
          signal: controller.signal,
        });
        if (REDIRECT_STATUSES.has(response.status)) {
          await discard(response);
          if (redirects >= this.maxRedirects) throw failed(`more than ${this.maxRedirects} redirects`, first);
          const location = response.headers.get('location');
          if (location === null) throw failed(`status ${response.status} without a location`, url);
          url = this.checkHop(location, image.kind, url);
          continue;
        }
        if (!response.ok) {
          await discard(response);
          throw failed(`status ${response.status}`, url);
        }
        return await this.readCapped(response, url);
      }
    } catch (error) {
      // Whatever went wrong, stop the transfer so the socket is released now rather than when the server gives up.
      controller.abort();
      if (error instanceof AppError) throw error;
      if (deadline.passed)
        throw new AppError('AttachmentDownloadFailed', `timed out after ${this.timeoutMs} ms`);
      throw new AppError('AttachmentDownloadFailed', `network error (${networkReason(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Parses one hop's URL (relative to the previous hop for a redirect) and applies the scheme, address and
   * allowlist rules.
   * @throws AppError `AttachmentHostNotAllowed`
   */
  private checkHop(href: string, kind: PickedImage['kind'], base?: URL): URL {
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      throw new AppError('AttachmentHostNotAllowed', base ? 'redirect refused: invalid URL' : 'invalid URL');
    }
    const refused = (detail: string) =>
      new AppError('AttachmentHostNotAllowed', base ? `redirect refused: ${detail}` : detail);
    if (url.username !== '' || url.password !== '') throw refused('credentials in the URL');
    const loopback = isLoopbackHost(url.hostname);
    const schemeAllowed =
      url.protocol === 'https:' || (url.protocol === 'http:' && loopback && this.allowLoopback);
    if (!schemeAllowed) {
      const rule = this.allowLoopback ? 'https only, http for loopback' : 'https only';
      throw refused(`${url.protocol} to ${url.hostname || 'no host'} (${rule})`);
    }
    if (loopback ? !this.allowLoopback : isIpLiteral(url.hostname))
      throw refused(`address ${url.hostname} (loopback only in local mode, no other addresses)`);
    if (kind === 'inline' && !this.tokenHosts.has(url.hostname))
      throw refused(`${url.hostname} is not a bot token host`);
    return url;
  }

  /** Reads the body, refusing it as soon as it is known to exceed the cap. */
  private async readCapped(response: Response, url: URL): Promise<Uint8Array> {
    const declared = response.headers.get('content-length');
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > this.maxBytes) {
      await discard(response);
      throw new PhotoError('ImageTooLarge', `${Number(declared)} bytes declared, limit ${this.maxBytes}`);
    }
    if (response.body === null) throw failed('empty body', url);
    // Read chunk by chunk rather than with arrayBuffer(): a body without content-length (or one that lies about
    // it) must not be buffered beyond the cap, and gzip is undone by fetch, so this also caps the decoded size.
    // fetch's typings leave the chunk type open; a fetch body yields bytes.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        // Not awaited: cancelling settles once the connection is torn down, and the caller's abort does that.
        reader.cancel().catch(() => undefined);
        throw new PhotoError('ImageTooLarge', `more than ${this.maxBytes} bytes`);
      }
      chunks.push(value);
    }
    if (total === 0) throw failed('empty body', url);
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }
}

/** Drops a body we will not read, so its connection is not left half-read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** A download failure naming the origin only: the path and query of a pre-authorized URL are its secret. */
function failed(detail: string, url: URL): AppError {
  return new AppError('AttachmentDownloadFailed', `${detail} from ${url.origin}`);
}

/** A system error code (`ECONNREFUSED`) or an error's name; never its message, which could quote the URL. */
function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof inner === 'string') return inner;
  return cause instanceof Error ? cause.name : 'unknown error';
}
